package com.bensbot.trading.ops;

import com.bensbot.trading.trading.TradingState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** {@code POST /tasks/resume-trading}: accept orders again. */
public final class ResumeTradingTask implements AdminTask {
    private static final Logger LOG = LoggerFactory.getLogger(ResumeTradingTask.class);
    private final TradingState state;

    public ResumeTradingTask(TradingState state) {
        this.state = state;
    }

    @Override
    public String name() {
        return "resume-trading";
    }

    @Override
    public Object run(Map<String, List<String>> parameters) {
        TradingState.Snapshot snapshot = state.resume();
        LOG.warn("Trading resumed by an operator");
        return snapshot;
    }

    @Override
    public String auditAction() {
        return "trading.resume";
    }
}
