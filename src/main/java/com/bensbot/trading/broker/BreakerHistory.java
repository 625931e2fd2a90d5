package com.bensbot.trading.broker;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/** The most recent transitions of one breaker, newest last. */
final class BreakerHistory {
    private static final int CAPACITY = 50;
    private final ArrayDeque<BreakerTransition> transitions = new ArrayDeque<>();

    synchronized void record(BreakerState from, BreakerState to, Instant at) {
        if (transitions.size() == CAPACITY) {
            transitions.removeFirst();
        }
        transitions.addLast(new BreakerTransition(from, to, at));
    }

    synchronized List<BreakerTransition> snapshot() {
        return List.copyOf(transitions);
    }
}
