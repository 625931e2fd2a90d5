package com.bensbot.trading.broker.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Alpaca trading v2 orders: submit, list, look up, cancel. */
final class OrdersApi {

    static final int DEFAULT_LIST_LIMIT = 50;
    static final int MAX_LIST_LIMIT = 500;

    private final ObjectMapper mapper;
    private final SimUniverse universe;
    private final SimMarket market;
    private final SimAccount account;

    OrdersApi(ObjectMapper mapper, SimUniverse universe, SimMarket market, SimAccount account) {
        this.mapper = mapper;
        this.universe = universe;
        this.market = market;
        this.account = account;
    }

    SimReply submit(SimRequest request) {
        OrderRequest order = OrderRequest.parse(readBody(request));
        SimAsset asset = universe.bySymbol(order.symbol())
                .orElseThrow(() -> SimApiException.unprocessable("asset " + order.symbol() + " not found"));
        return SimReply.ok(TradingJson.order(account.submit(order, asset, market.quote(asset))));
    }

    SimReply list(SimRequest request) {
        SimAccount.OrderState state = request.param("status")
                .map(OrdersApi::orderState)
                .orElse(SimAccount.OrderState.OPEN);
        int limit = request.param("limit").map(OrdersApi::listLimit).orElse(DEFAULT_LIST_LIMIT);
        boolean descending = switch (request.param("direction").orElse("desc")) {
            case "desc" -> true;
            case "asc" -> false;
            default -> throw SimApiException.unprocessable("invalid direction");
        };
        Set<String> symbols = request.param("symbols")
                .map(list -> Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(symbol -> !symbol.isEmpty())
                        .map(symbol -> symbol.toUpperCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
        ArrayNode array = SimJson.array();
        account.orders(state, symbols, limit, descending).forEach(order -> array.add(TradingJson.order(order)));
        return SimReply.ok(array);
    }

    SimReply get(String id) {
        return orderId(id)
                .flatMap(account::order)
                .map(order -> SimReply.ok(TradingJson.order(order)))
                .orElseThrow(() -> SimApiException.notFound("order not found"));
    }

    SimReply getByClientOrderId(SimRequest request) {
        String clientOrderId = request.param("client_order_id")
                .orElseThrow(() -> SimApiException.unprocessable("client_order_id is required"));
        return account.orderByClientOrderId(clientOrderId)
                .map(order -> SimReply.ok(TradingJson.order(order)))
                .orElseThrow(() -> SimApiException.notFound("order not found"));
    }

    SimReply cancel(String id) {
        UUID orderId = orderId(id).orElseThrow(() -> SimApiException.notFound("order not found"));
        account.cancel(orderId);
        return SimReply.noContent();
    }

    /** 207 Multi-Status: one entry per order that was open, each with its own status and body. */
    SimReply cancelAll(SimRequest request) {
        ArrayNode array = SimJson.array();
        for (SimOrder order : account.cancelAllOpen()) {
            ObjectNode entry = array.addObject();
            entry.put("id", order.id().toString());
            entry.put("status", 200);
            entry.set("body", TradingJson.order(order));
        }
        return SimReply.json(207, array);
    }

    private JsonNode readBody(SimRequest request) {
        try {
            return mapper.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new SimApiException(400, SimApiException.CODE_INVALID_REQUEST, "request body format is invalid");
        }
    }

    private static SimAccount.OrderState orderState(String text) {
        try {
            return SimAccount.OrderState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw SimApiException.unprocessable("invalid status");
        }
    }

    private static int listLimit(String text) {
        try {
            int limit = Integer.parseInt(text);
            if (limit < 1) {
                throw SimApiException.unprocessable("invalid limit");
            }
            return Math.min(limit, MAX_LIST_LIMIT);
        } catch (NumberFormatException e) {
            throw SimApiException.unprocessable("invalid limit");
        }
    }

    /** Only the canonical form: UUID.fromString also accepts shortened groups such as "1-2-3-4-5". */
    private static Optional<UUID> orderId(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equalsIgnoreCase(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
