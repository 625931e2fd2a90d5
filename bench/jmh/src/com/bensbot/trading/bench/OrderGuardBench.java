package com.bensbot.trading.bench;

import com.bensbot.trading.trading.HaltGuard;
import com.bensbot.trading.trading.LiveModeGuard;
import com.bensbot.trading.trading.OrderRequest;
import com.bensbot.trading.trading.OrderShape;
import com.bensbot.trading.trading.TradingHaltStore;
import com.bensbot.trading.trading.TradingState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;

/**
 * The in-memory order layers on a typical body: shape (parse and validate), trading state, mode. The policy layer
 * and the audit records need the store and the broker and are measured by the load benchmark.
 */
@State(Scope.Benchmark)
public class OrderGuardBench {
    private static final byte[] LIMIT_ORDER = ("{\"symbol\":\"AAPL\",\"qty\":\"10\",\"side\":\"buy\",\"type\":\"limit\","
            + "\"limit_price\":\"187.25\",\"time_in_force\":\"day\",\"client_order_id\":\"bot-7-20261126-000123\"}")
            .getBytes(StandardCharsets.UTF_8);

    private OrderShape shape;
    private HaltGuard halt;
    private LiveModeGuard mode;

    @Setup
    public void build() {
        shape = new OrderShape(Bench.mapper());
        // Not started: the state is read from memory on every order; the store is only used by start and refresh.
        halt = new HaltGuard(new TradingState(new TradingHaltStore(null)));
        mode = new LiveModeGuard("paper", "sim", false, false);
    }

    @Benchmark
    public OrderRequest shapeStateMode() {
        OrderRequest order = shape.parse(LIMIT_ORDER);
        halt.check();
        mode.check();
        return order;
    }
}
