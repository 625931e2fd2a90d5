package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BreakerState;
import com.bensbot.trading.broker.BrokerHealth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /live/health}: is the broker reachable right now? 200 connected, 503 not. */
@Path("/live/health")
@Produces(MediaType.APPLICATION_JSON)
public class BrokerHealthResource {
    public record Body(boolean connected, BreakerState circuitBreaker, Map<String, BreakerState> circuitBreakers,
                       Instant lastSuccessAt, Instant lastFailureAt, Long latencyMs) {
    }

    private final AlpacaClient client;

    public BrokerHealthResource(AlpacaClient client) {
        this.client = client;
    }

    @GET
    public Response health() {
        BreakerState trading = client.trading().state();
        BreakerState data = client.data().state();
        Map<String, BreakerState> breakers = new LinkedHashMap<>();
        breakers.put("trading", trading);
        breakers.put("data", data);
        BrokerHealth health = client.health();
        boolean connected = trading != BreakerState.OPEN && data != BreakerState.OPEN && health.lastCallSucceeded();
        long latency = health.lastLatencyMs();
        Body body = new Body(connected, trading.worse(data), breakers, health.lastSuccessAt(), health.lastFailureAt(),
                latency < 0 ? null : latency);
        return Response.status(connected ? 200 : 503).entity(body).build();
    }
}
