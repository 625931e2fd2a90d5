package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.broker.Position;
import com.bensbot.trading.http.RequestIds;
import com.bensbot.trading.livedata.MarketParams;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.Function;

/** The trading routes of CONTRACT §3: thin, each parses, calls a service and maps the result. */
@Path("/trading")
@Produces(MediaType.APPLICATION_JSON)
public class TradingResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderService orders;
    private final OrderQueries queries;
    private final Function<HttpServletRequest, String> clientOf;

    public TradingResource(OrderService orders, OrderQueries queries, Function<HttpServletRequest, String> clientOf) {
        this.orders = orders;
        this.queries = queries;
        this.clientOf = clientOf;
    }

    @GET
    @Path("/account")
    public Account account() {
        return queries.account();
    }

    @GET
    @Path("/positions")
    public List<Position> positions() {
        return queries.positions();
    }

    @GET
    @Path("/orders")
    public List<Order> orders(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        return queries.orders(status, MarketParams.limit(limit, 50, OrderQueries.MAX_PAGE));
    }

    @GET
    @Path("/orders/{id}")
    public Order order(@PathParam("id") String id) {
        return queries.order(id);
    }

    @POST
    @Path("/orders")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(byte[] body, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                           @Context HttpServletRequest request) {
        OrderService.Outcome outcome = orders.submit(body, idempotencyKey, caller(request));
        Response.ResponseBuilder response = outcome.replayed()
                ? Response.ok().header("Idempotent-Replayed", "true")
                : Response.status(Response.Status.CREATED);
        // Relative, as the contract shows it (Jersey's resolution against the base URI is switched off).
        return response.header("Location", "/trading/orders/" + outcome.brokerOrderId())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(outcome.body()).build();
    }

    @DELETE
    @Path("/orders/{id}")
    public Response cancel(@PathParam("id") String id, @Context HttpServletRequest request) {
        queries.cancel(id, caller(request));
        return Response.noContent().build();
    }

    private Caller caller(HttpServletRequest request) {
        return new Caller(RequestIds.current(), clientOf.apply(request));
    }
}
