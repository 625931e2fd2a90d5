package com.bensbot.trading.ops;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.store.StorageUnavailableException;
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

    /**
     * The halt state, plus the broker's answers when open orders were cancelled too, or the cancel's error: the
     * halt holds even when the cancel failed.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Answer(boolean halted, Instant since, String reason, Object cancelled, String cancelError) {
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
        boolean cancelOpen = "true".equalsIgnoreCase(AdminTask.single(parameters, "cancelOpen"));
        TradingState.Snapshot snapshot;
        try {
            snapshot = state.halt(reason);
        } catch (StorageUnavailableException notStored) {
            LOG.warn("Trading halted by an operator on this instance only: the halt could not be stored");
            if (cancelOpen) {
                cancelOpenOrders();
            }
            throw notStored;
        }
        LOG.warn("Trading halted by an operator");
        if (!cancelOpen) {
            return new Answer(snapshot.halted(), snapshot.since(), snapshot.reason(), null, null);
        }
        try {
            return new Answer(snapshot.halted(), snapshot.since(), snapshot.reason(), client.cancelAllOrders(), null);
        } catch (BrokerException cancelFailed) {
            LOG.error("Trading is halted, but cancelling the open orders failed: {}", cancelFailed.getMessage());
            return new Answer(snapshot.halted(), snapshot.since(), snapshot.reason(), null,
                    cancelFailed.type().uri() + ": " + cancelFailed.detail());
        }
    }

    private void cancelOpenOrders() {
        try {
            client.cancelAllOrders();
        } catch (BrokerException cancelFailed) {
            LOG.error("Cancelling the open orders failed: {}", cancelFailed.getMessage());
        }
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
        details.put("cancelOpen", halt.cancelled() != null || halt.cancelError() != null);
        if (halt.cancelError() != null) {
            details.put("cancelError", halt.cancelError());
        }
        return details;
    }
}
