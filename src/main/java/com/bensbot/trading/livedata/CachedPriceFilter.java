package com.bensbot.trading.livedata;

import com.bensbot.trading.broker.PriceCache;
import com.bensbot.trading.broker.Priced;
import com.bensbot.trading.broker.Quote;
import com.bensbot.trading.broker.Trade;
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
import java.util.Enumeration;

/**
 * The cache-hit path of {@code GET /live/quote/{symbol}} and {@code GET /live/trade/{symbol}}, served before Jersey:
 * the last filter of the main port (request ID, timing, security headers, client auth and rate limits have run),
 * it answers a plain request for a symbol whose price is fresh in the cache with the bytes {@link LiveDataResource}
 * would send. Anything else (a miss, stale or unknown symbol, an odd path, method or Accept) goes on to Jersey
 * unchanged. Jersey's per-request cost is most of a cache hit's; the answer is the same either way.
 */
public final class CachedPriceFilter implements Filter {
    static final String QUOTE_PREFIX = "/live/quote/";
    static final String TRADE_PREFIX = "/live/trade/";

    private final PriceCache<Quote> quotes;
    private final PriceCache<Trade> trades;
    private final PriceBodies bodies;
    private final RouteMetrics quoteRoute;
    private final RouteMetrics tradeRoute;

    /** {@code metrics} is null when monitoring is off. */
    public CachedPriceFilter(PriceCache<Quote> quotes, PriceCache<Trade> trades, PriceBodies bodies,
                             RequestMetrics metrics) {
        this.quotes = quotes;
        this.trades = trades;
        this.bodies = bodies;
        this.quoteRoute = metrics == null ? null : metrics.route("GET", QUOTE_PREFIX + "{symbol}");
        this.tradeRoute = metrics == null ? null : metrics.route("GET", TRADE_PREFIX + "{symbol}");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        if (!"GET".equals(request.getMethod()) || !plainHeaders(request)) {
            chain.doFilter(req, res);
            return;
        }
        String path = request.getRequestURI();
        byte[] body = null;
        RouteMetrics route = null;
        if (path.startsWith(QUOTE_PREFIX)) {
            String symbol = symbol(path, QUOTE_PREFIX.length());
            Priced<Quote> hit = symbol == null ? null : quotes.getIfFresh(symbol);
            if (hit != null && hit.found()) {
                body = bodies.quote(symbol, hit);
                route = quoteRoute;
            }
        } else if (path.startsWith(TRADE_PREFIX)) {
            String symbol = symbol(path, TRADE_PREFIX.length());
            Priced<Trade> hit = symbol == null ? null : trades.getIfFresh(symbol);
            if (hit != null && hit.found()) {
                body = bodies.trade(symbol, hit);
                route = tradeRoute;
            }
        }
        if (body == null) {
            chain.doFilter(req, res);
            return;
        }
        if (route != null) {
            request.setAttribute(RouteListener.ROUTE_ATTRIBUTE, route);
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader(LiveDataResource.X_CACHE, "HIT");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The upper-case symbol after {@code start}, under {@link MarketParams#symbol}'s rules, or null when the rest of
     * the path is anything else (encoded, several segments, matrix parameters): Jersey answers those.
     */
    static String symbol(String path, int start) {
        return MarketParams.symbolOrNull(path.substring(start));
    }

    /**
     * No Content-Type (Jersey parses one even on a GET and refuses a malformed one) and at most one Accept line
     * that {@link #acceptsJson} takes.
     */
    private static boolean plainHeaders(HttpServletRequest request) {
        if (request.getHeader("Content-Type") != null) {
            return false;
        }
        Enumeration<String> accepts = request.getHeaders("Accept");
        if (accepts == null || !accepts.hasMoreElements()) {
            return true;
        }
        String accept = accepts.nextElement();
        return !accepts.hasMoreElements() && acceptsJson(accept);
    }

    /**
     * True for no Accept header and for a plain list of well-formed media ranges, without parameters, holding one
     * under which Jersey picks JSON here: {@code application/json}, {@code application/*} or {@code *}{@code /*}.
     * Weights, malformed ranges and anything unusual go to Jersey's own negotiation (and its 400 or 406).
     */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        boolean json = false;
        for (String range : accept.split(",", -1)) {
            String type = range.trim();
            if (!isMediaRange(type)) {
                return false;
            }
            json |= type.equalsIgnoreCase("application/json") || type.equals("application/*") || type.equals("*/*");
        }
        return json;
    }

    /** {@code type/subtype} of RFC 9110 token characters, without parameters. */
    private static boolean isMediaRange(String range) {
        int slash = range.indexOf('/');
        return slash > 0 && slash < range.length() - 1 && isToken(range, 0, slash)
                && isToken(range, slash + 1, range.length());
    }

    private static boolean isToken(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
