package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.Bar;
import com.bensbot.trading.broker.Clock;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.PricedBatch;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** Market data routes of CONTRACT §3. */
@Path("/live")
@Produces(MediaType.APPLICATION_JSON)
public class LiveDataResource {
    static final String X_CACHE = "X-Cache";

    public record QuotesBody(Map<String, Quote> quotes, List<String> missing, List<String> stale) {
    }

    public record BarsBody(String symbol, String timeframe, List<Bar> bars) {
    }

    private final LiveDataService service;
    private final PriceBodies bodies;

    public LiveDataResource(LiveDataService service, PriceBodies bodies) {
        this.service = service;
        this.bodies = bodies;
    }

    @GET
    @Path("/quote/{symbol}")
    public Response quote(@PathParam("symbol") String rawSymbol) {
        String symbol = MarketParams.symbol(rawSymbol);
        Priced<Quote> quote = service.quote(symbol);
        byte[] body = bodies.quote(symbol, quote);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(X_CACHE, quote.result().name())
                .build();
    }

    @GET
    @Path("/quotes")
    public Response quotes(@QueryParam("symbols") String rawSymbols) {
        List<String> symbols = MarketParams.symbols(rawSymbols);
        PricedBatch<Quote> batch = service.quotes(symbols);
        return Response.ok(new QuotesBody(batch.values(), batch.missing(), batch.stale()))
                .header(X_CACHE, batch.result().name())
                .build();
    }

    @GET
    @Path("/trade/{symbol}")
    public Response trade(@PathParam("symbol") String rawSymbol) {
        String symbol = MarketParams.symbol(rawSymbol);
        Priced<Trade> trade = service.trade(symbol);
        byte[] body = bodies.trade(symbol, trade);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE)
                .header(X_CACHE, trade.result().name())
                .build();
    }

    @GET
    @Path("/bars/{symbol}")
    public BarsBody bars(@PathParam("symbol") String rawSymbol,
                         @QueryParam("timeframe") String rawTimeframe,
                         @QueryParam("limit") String rawLimit,
                         @QueryParam("start") String rawStart,
                         @QueryParam("end") String rawEnd) {
        BarsQuery query = BarsQuery.parse(rawSymbol, rawTimeframe, rawLimit, rawStart, rawEnd);
        return new BarsBody(query.symbol(), query.timeframe(), service.bars(query));
    }

    @GET
    @Path("/clock")
    public Clock clock() {
        return service.clock();
    }
}
