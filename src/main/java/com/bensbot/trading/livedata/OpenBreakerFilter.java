package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.BrokerApi;
import com.bensbot.trading.broker.CircuitOpenException;
import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemWriter;
import com.bensbot.trading.http.RequestMetrics;
import com.bensbot.trading.http.RouteListener;
import com.bensbot.trading.http.RouteMetrics;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The fail-fast path of {@code GET /live/bars/{symbol}} (data API) and {@code GET /live/clock} (trading API) while
 * their broker API's circuit breaker is open, served before Jersey like {@link CachedPriceFilter}: a request that
 * passes the route's parameter checks gets the {@code circuit-open} problem, its {@code Retry-After} and its WARN
 * line, as the Jersey route would give them. Anything else, including every request with a parameter Jersey would
 * refuse, goes on to Jersey unchanged.
 */
public final class OpenBreakerFilter implements Filter {
    static final String BARS_PREFIX = "/live/bars/";
    static final String CLOCK_PATH = "/live/clock";

    private final BrokerApi data;
    private final BrokerApi trading;
    private final ProblemWriter problems;
    private final RouteMetrics barsRoute;
    private final RouteMetrics clockRoute;

    /** {@code metrics} is null when monitoring is off. */
    public OpenBreakerFilter(BrokerApi data, BrokerApi trading, ProblemWriter problems, RequestMetrics metrics) {
        this.data = data;
        this.trading = trading;
        this.problems = problems;
        this.barsRoute = metrics == null ? null : metrics.route("GET", BARS_PREFIX + "{symbol}");
        this.clockRoute = metrics == null ? null : metrics.route("GET", CLOCK_PATH);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        CircuitOpenException refusal = null;
        RouteMetrics route = null;
        if (PlainJsonGet.accepts(request)) {
            String path = request.getRequestURI();
            if (path.equals(CLOCK_PATH)) {
                refusal = trading.refusal();
                route = clockRoute;
            } else if (path.startsWith(BARS_PREFIX)) {
                refusal = data.refusal();
                if (refusal != null && !validBars(path.substring(BARS_PREFIX.length()), request.getQueryString())) {
                    refusal = null;
                }
                route = barsRoute;
            }
        }
        if (refusal == null) {
            chain.doFilter(req, res);
            return;
        }
        if (route != null) {
            request.setAttribute(RouteListener.ROUTE_ATTRIBUTE, route);
        }
        problems.write((HttpServletResponse) res, refusal);
    }

    /**
     * True when the Jersey route would get past its parameter checks and call the broker. A query this filter does
     * not read exactly as Jersey does (encoded characters, repeated or bare names) counts as not valid: Jersey takes it.
     */
    static boolean validBars(String rawSymbol, String query) {
        Map<String, String> params = plainParams(query);
        if (params == null) {
            return false;
        }
        try {
            BarsQuery.parse(rawSymbol, params.get("timeframe"), params.get("limit"), params.get("start"),
                    params.get("end"));
            return true;
        } catch (ProblemException invalid) {
            return false;
        }
    }

    /**
     * {@code name=value} pairs of a query made only of characters that need no decoding, each name once; an empty
     * map for no query; null for anything else.
     */
    static Map<String, String> plainParams(String query) {
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || !isPlain(pair) || params.put(pair.substring(0, equals), pair.substring(equals + 1))
                    != null) {
                return null;
            }
        }
        return params;
    }

    /** Letters, digits and {@code . _ - : =}, at most one '='. */
    private static boolean isPlain(String pair) {
        int equalsSigns = 0;
        for (int i = 0; i < pair.length(); i++) {
            char c = pair.charAt(i);
            if (c == '=') {
                equalsSigns++;
            } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == ':')) {
                return false;
            }
        }
        return equalsSigns == 1;
    }
}
