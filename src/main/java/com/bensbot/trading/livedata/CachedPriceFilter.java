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
        if (!PlainJsonGet.accepts(request)) {
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
}
