package com.bensbot.trading.ops;

import com.bensbot.trading.trading.TradingState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /health}: liveness for load balancers; never calls the broker. */
@Path("/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {
    public record Body(String status, String environment, String tradingMode, String broker, boolean tradingHalted,
                       String version) {
    }

    private final String environment;
    private final String tradingMode;
    private final String broker;
    private final String version;
    private final TradingState tradingState;

    public HealthResource(String environment, String tradingMode, String broker, String version,
                          TradingState tradingState) {
        this.environment = environment;
        this.tradingMode = tradingMode;
        this.broker = broker;
        this.version = version;
        this.tradingState = tradingState;
    }

    @GET
    public Body health() {
        return new Body("ok", environment, tradingMode, broker, tradingState.isHalted(), version);
    }
}
