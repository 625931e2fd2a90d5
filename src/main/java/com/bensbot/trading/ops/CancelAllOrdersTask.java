package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;

import java.util.List;
import java.util.Map;

/** {@code POST /tasks/cancel-all-orders}: cancel every open order at the broker; answers the broker's results. */
public final class CancelAllOrdersTask implements AdminTask {
    private final AlpacaClient client;

    public CancelAllOrdersTask(AlpacaClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "cancel-all-orders";
    }

    @Override
    public Object run(Map<String, List<String>> parameters) {
        return Map.of("cancelled", client.cancelAllOrders());
    }

    @Override
    public String auditAction() {
        return "orders.cancel-all";
    }

    @Override
    public Map<String, Object> auditDetails(Map<String, List<String>> parameters, Object answer) {
        Object cancelled = ((Map<?, ?>) answer).get("cancelled");
        return Map.of("orders", cancelled instanceof com.fasterxml.jackson.databind.JsonNode node ? node.size() : 0);
    }
}
