package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.trading.TradingState;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/halt-trading[?reason=…][&cancelOpen=true]}: refuse new orders until resumed. */
public final class HaltTradingTask implements AdminTask {
    private static final Logger LOG = LoggerFactory.getLogger(HaltTradingTask.class);
    private static final int MAX_REASON = 500;

    /** The halt state, plus the broker's answers when open orders were cancelled too. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(boolean halted, Instant since, String reason, Object cancelled) {
    }

    private final TradingState state;
    private final AlpacaClient client;

    public HaltTradingTask(TradingState state, AlpacaClient client) {
        this.state = state;
        this.client = client;
    }

    @Override
    public String name() {
        return "halt-trading";
    }

    @Override
    public Object run(Map<String, List<String>> parameters) {
        String reason = AdminTask.single(parameters, "reason");
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        TradingState.Snapshot snapshot = state.halt(reason);
        LOG.warn("Trading halted by an operator");
        Object cancelled = null;
        if ("true".equalsIgnoreCase(AdminTask.single(parameters, "cancelOpen"))) {
            cancelled = client.cancelAllOrders();
        }
        return new Answer(snapshot.halted(), snapshot.since(), snapshot.reason(), cancelled);
    }

    @Override
    public String auditAction() {
        return "trading.halt";
    }

    @Override
    public Map<String, Object> auditDetails(Map<String, List<String>> parameters, Object answer) {
        Answer halt = (Answer) answer;
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("reason", halt.reason());
        details.put("cancelOpen", halt.cancelled() != null);
        return details;
    }
}
