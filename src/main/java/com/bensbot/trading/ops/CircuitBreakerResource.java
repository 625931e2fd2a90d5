package com.bensbot.trading.ops;

import com.bensbot.trading.broker.BreakerReset;
import com.bensbot.trading.http.LogSafe;
import com.bensbot.trading.security.AdminOnly;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /live/reset-circuit-breaker} (admin): close both breakers, or the one named by {@code ?api=}. */
@Path("/live/reset-circuit-breaker")
@Produces(MediaType.APPLICATION_JSON)
public class CircuitBreakerResource {
    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreakerResource.class);
    private final BreakerReset reset;

    public CircuitBreakerResource(BreakerReset reset) {
        this.reset = reset;
    }

    @POST
    @AdminOnly
    public BreakerReset.Result reset(@QueryParam("api") String api) {
        BreakerReset.Result result = reset.reset(api);
        LOG.info("Circuit breakers reset by an operator (api={}, previous state {})",
                api == null ? "all" : LogSafe.clean(api), result.previousState());
        return result;
    }
}
