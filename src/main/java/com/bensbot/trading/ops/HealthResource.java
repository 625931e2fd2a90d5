package com.bensbot.trading.ops;

import com.bensbot.trading.trading.LiveModeGuard;
import com.bensbot.trading.trading.TradingState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /health}: liveness for load balancers; never calls the broker. {@code liveGate} says whether orders
 * pass the mode layer and why ({@code open (…)} or {@code closed: …}).
 */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    public record Body(String status, String environment, String tradingMode, String broker, String liveGate,
                       boolean tradingHalted, String version) {
    }

    private final String environment;
    private final String tradingMode;
    private final String broker;
    private final String version;
    private final LiveModeGuard liveGate;
    private final TradingState tradingState;
    private final Draining draining;

    public HealthResource(String environment, String tradingMode, String broker, LiveModeGuard liveGate,
                          String version, TradingState tradingState, Draining draining) {
        this.draining = draining;
        this.environment = environment;
        this.tradingMode = tradingMode;
        this.broker = broker;
        this.liveGate = liveGate;
        this.version = version;
        this.tradingState = tradingState;
    }

    @GET
    public Response health() {
        boolean stopping = draining.isDraining();
        Body body = new Body(stopping ? "draining" : "ok", environment, tradingMode, broker, liveGate.status(),
                tradingState.isHalted(), version);
        return Response.status(stopping ? 503 : 200).entity(body).build();
    }
}
