package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The simulator's one Jetty handler: applies the injected fault, counts the request for the rate
 * limit headers, routes it and hands the answer to the dispatcher with the configured latency.
 * Credential headers are neither read nor logged.
 */
final class SimHandler extends Handler.Abstract {

    private static final String RATE_LIMIT_REMAINING = "X-Ratelimit-Remaining";

    private final SimRouter router;
    private final SimFaults faults;
    private final SimRateLimits rateLimits;
    private final ReplyDispatcher dispatcher;
    private final ObjectMapper mapper;
    private final Supplier<Duration> latency;

    SimHandler(SimRouter router, SimFaults faults, SimRateLimits rateLimits, ReplyDispatcher dispatcher,
            ObjectMapper mapper, Supplier<Duration> latency) {
        this.router = router;
        this.faults = faults;
        this.rateLimits = rateLimits;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.latency = latency;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        SimFaults.Mode fault = faults.nextRequest();
        if (fault == SimFaults.Mode.RESET) {
            ConnectionAbort.abort(request, callback, "connection reset by simulator fault");
            return true;
        }
        String path = Request.getPathInContext(request);
        Map<String, String> headers = new HashMap<>(rateLimits.record(SimRateLimits.ApiRoot.of(path)).headers());
        SimReply reply = switch (fault) {
            case ERROR -> SimReply.error(500, 50000000, "internal server error");
            case RATE_LIMIT -> SimReply.error(429, 42910000, "too many requests")
                    .withHeader("Retry-After", "1")
                    .withHeader(RATE_LIMIT_REMAINING, "0");
            default -> router.route(new SimRequest(request.getMethod(), path, query(request),
                    Content.Source.asString(request)));
        };
        headers.putAll(reply.headers());
        String body = reply.body() == null ? null : mapper.writeValueAsString(reply.body());
        Duration delay = fault == SimFaults.Mode.TIMEOUT ? SimFaults.TIMEOUT_HOLD : latency.get();
        dispatcher.send(new ReplyDispatcher.Exchange(request, response, callback),
                new Answer(reply.status(), headers, body), delay);
        return true;
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> query = new HashMap<>();
        for (Fields.Field field : Request.extractQueryParameters(request)) {
            query.put(field.getName(), field.getValue());
        }
        return query;
    }
}
