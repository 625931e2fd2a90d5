package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;
import com.bensbot.trading.http.Violation;

import java.util.List;

/** An order refused by one of the gateway's own layers, before anything reached the broker. */
public final class OrderRefusedException extends ProblemException {
    private final OrderLayer layer;

    public OrderRefusedException(OrderLayer layer, ProblemType type, String detail, List<Violation> violations) {
        super(type, type.status(), detail, -1, violations, null);
        this.layer = layer;
    }

    public OrderRefusedException(OrderLayer layer, ProblemType type, String detail) {
        this(layer, type, detail, null);
    }

    public OrderLayer layer() {
        return layer;
    }
}
