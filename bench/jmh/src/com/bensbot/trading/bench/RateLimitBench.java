package com.bensbot.trading.bench;

import com.bensbot.trading.http.ProblemFactory;
import com.bensbot.trading.http.ProblemWriter;
import com.bensbot.trading.ratelimit.ClientIdentity;
import com.bensbot.trading.ratelimit.InMemoryBucketStore;
import com.bensbot.trading.ratelimit.RateLimitConfig;
import com.bensbot.trading.ratelimit.RateLimitFilter;
import com.bensbot.trading.ratelimit.RateLimitMonitor;
import com.bensbot.trading.ratelimit.RateLimiter;
import com.bensbot.trading.ratelimit.RouteClassifier;
import com.bensbot.trading.ratelimit.TrustedProxies;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.util.Duration;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.lang.reflect.Proxy;
import java.util.List;

/**
 * The rate-limit filter on the main port with 10 000 distinct clients (IPv4 peers) taking turns, so that each call
 * looks up one of 10 000 buckets: route classification, client identity, bucket, the five RateLimit headers. The
 * limits are high enough that every request passes, as in the load benchmark.
 */
@State(Scope.Benchmark)
public class RateLimitBench {
    static final int CLIENTS = 10_000;

    private RateLimitFilter filter;
    private StubRequest[] requests;
    private final StubResponse response = new StubResponse();
    private final FilterChain passed = (request, response) -> { };
    private int next;

    @Setup
    public void build() {
        RateLimitConfig config = new RateLimitConfig();
        RateLimitConfig.Groups groups = new RateLimitConfig.Groups();
        groups.setData(new RateLimitConfig.Group(1_000_000_000L, Duration.minutes(1)));
        config.setGroups(groups);
        RateLimitMonitor monitor = new RateLimitMonitor(new MetricRegistry(), 20, 100_000);
        RateLimiter limiter = new RateLimiter(config, new InMemoryBucketStore(100_000), monitor);
        filter = new RateLimitFilter(RouteClassifier.mainPort(), new ClientIdentity(TrustedProxies.parse(List.of())),
                limiter, new ProblemWriter(Bench.mapper(), new ProblemFactory(false)));
        requests = new StubRequest[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            requests[i] = new StubRequest("10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff));
        }
    }

    @Setup(Level.Iteration)
    public void clearHeaders() {
        response.headers = 0;
    }

    @Benchmark
    public void filter10kClients(Blackhole hole) throws Exception {
        StubRequest request = requests[next];
        next = next + 1 == CLIENTS ? 0 : next + 1;
        filter.doFilter(request, response, passed);
        hole.consume(request.resolved);
    }

    /** A GET /live/quote/AAPL from one peer; only what the filter reads is answered. */
    static final class StubRequest extends HttpServletRequestWrapper {
        private static final HttpServletRequest NOTHING = (HttpServletRequest) Proxy.newProxyInstance(
                RateLimitBench.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        private final String peer;
        Object resolved;

        StubRequest(String peer) {
            super(NOTHING);
            this.peer = peer;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getServletPath() {
            return "";
        }

        @Override
        public String getPathInfo() {
            return "/live/quote/AAPL";
        }

        @Override
        public String getRemoteAddr() {
            return peer;
        }

        @Override
        public String getHeader(String name) {
            return null;
        }

        @Override
        public Object getAttribute(String name) {
            return null;
        }

        @Override
        public void setAttribute(String name, Object value) {
            resolved = value;
        }

        @Override
        public long getContentLengthLong() {
            return -1;
        }
    }

    /** Counts headers instead of keeping them. */
    static final class StubResponse extends HttpServletResponseWrapper {
        private static final HttpServletResponse NOTHING = (HttpServletResponse) Proxy.newProxyInstance(
                RateLimitBench.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        int headers;

        StubResponse() {
            super(NOTHING);
        }

        @Override
        public void setHeader(String name, String value) {
            headers += value.length();
        }
    }
}
