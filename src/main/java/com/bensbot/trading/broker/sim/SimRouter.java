package com.bensbot.trading.broker.sim;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path to an endpoint. Trading and market-data paths share one root, as the
 * simulator stands in for both {@code api.alpaca.markets} and {@code data.alpaca.markets}.
 */
final class SimRouter {

    private static final Pattern STOCK_RESOURCE = Pattern.compile("/v2/stocks/([^/]+)/(quotes/latest|trades/latest|bars)");
    private static final Pattern ORDER = Pattern.compile("/v2/orders/([^/]+)");
    private static final Pattern POSITION = Pattern.compile("/v2/positions/([^/]+)");
    private static final Pattern ASSET = Pattern.compile("/v2/assets/([^/]+)");

    private final MarketDataApi marketData;
    private final AccountApi accounts;
    private final OrdersApi orders;

    SimRouter(MarketDataApi marketData, AccountApi accounts, OrdersApi orders) {
        this.marketData = marketData;
        this.accounts = accounts;
        this.orders = orders;
    }

    SimReply route(SimRequest request) {
        try {
            return dispatch(request);
        } catch (SimApiException e) {
            return e.toReply();
        }
    }

    private SimReply dispatch(SimRequest request) {
        String path = request.path().length() > 1 && request.path().endsWith("/")
                ? request.path().substring(0, request.path().length() - 1)
                : request.path();
        switch (path) {
            case "/v2/stocks/quotes/latest":
                return only(request, "GET", marketData::latestQuotes);
            case "/v2/stocks/trades/latest":
                return only(request, "GET", marketData::latestTrades);
            case "/v2/clock":
                return only(request, "GET", accounts::clock);
            case "/v2/account":
                return only(request, "GET", accounts::account);
            case "/v2/positions":
                return only(request, "GET", accounts::positions);
            case "/v2/orders:by_client_order_id":
                return only(request, "GET", orders::getByClientOrderId);
            case "/v2/orders":
                return byMethod(request, Map.of("GET", orders::list, "POST", orders::submit, "DELETE", orders::cancelAll));
            default:
                return byPattern(request, path);
        }
    }

    private SimReply byPattern(SimRequest request, String path) {
        Matcher stock = STOCK_RESOURCE.matcher(path);
        if (stock.matches()) {
            String symbol = stock.group(1);
            return switch (stock.group(2)) {
                case "quotes/latest" -> only(request, "GET", r -> marketData.latestQuote(symbol));
                case "trades/latest" -> only(request, "GET", r -> marketData.latestTrade(symbol));
                default -> only(request, "GET", r -> marketData.bars(symbol, r));
            };
        }
        Matcher order = ORDER.matcher(path);
        if (order.matches()) {
            String id = order.group(1);
            Map<String, Function<SimRequest, SimReply>> handlers = new LinkedHashMap<>();
            handlers.put("GET", r -> orders.get(id));
            handlers.put("DELETE", r -> orders.cancel(id));
            return byMethod(request, handlers);
        }
        Matcher position = POSITION.matcher(path);
        if (position.matches()) {
            return only(request, "GET", r -> accounts.position(position.group(1)));
        }
        Matcher asset = ASSET.matcher(path);
        if (asset.matches()) {
            return only(request, "GET", r -> accounts.asset(asset.group(1)));
        }
        return SimReply.error(404, 40400000, "endpoint not found");
    }

    private static SimReply only(SimRequest request, String method, Function<SimRequest, SimReply> handler) {
        return byMethod(request, Map.of(method, handler));
    }

    private static SimReply byMethod(SimRequest request, Map<String, Function<SimRequest, SimReply>> handlers) {
        Function<SimRequest, SimReply> handler = handlers.get(request.method());
        if (handler == null) {
            return SimReply.error(405, 40500000, "method not allowed")
                    .withHeader("Allow", String.join(", ", new TreeSet<>(handlers.keySet())));
        }
        return handler.apply(request);
    }
}
