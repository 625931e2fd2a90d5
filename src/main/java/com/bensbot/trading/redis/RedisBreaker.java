package com.bensbot.trading.redis;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Whether Redis is worth asking: after {@code threshold} consecutive failures it is skipped for {@code skipFor};
 * once that has passed calls go through again, and the first one that fails skips it again at once, until one
 * succeeds. Also tells where an outage begins and ends, so that it is logged once.
 */
public final class RedisBreaker {
    private final int threshold;
    private final long skipNanos;
    private final LongSupplier nanoTime;
    private volatile int consecutiveFailures;
    private volatile boolean outage;
    private volatile boolean tripped;
    private volatile long skipUntil;

    public RedisBreaker(int threshold, Duration skipFor, LongSupplier nanoTime) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1");
        }
        this.threshold = threshold;
        this.skipNanos = skipFor.toNanos();
        this.nanoTime = nanoTime;
    }

    /** False while Redis is being skipped. */
    public boolean allows() {
        return !tripped || nanoTime.getAsLong() - skipUntil >= 0;
    }

    /** Records a success; true when it ends an outage. */
    public boolean succeeded() {
        if (!outage && consecutiveFailures == 0) {
            return false;
        }
        synchronized (this) {
            boolean ended = outage;
            consecutiveFailures = 0;
            tripped = false;
            outage = false;
            return ended;
        }
    }

    /** Records a failure; true when it starts an outage. */
    public synchronized boolean failed() {
        boolean started = !outage;
        outage = true;
        consecutiveFailures++;
        if (tripped || consecutiveFailures >= threshold) {
            tripped = true;
            skipUntil = nanoTime.getAsLong() + skipNanos;
        }
        return started;
    }

    /** Whether the last call failed and no call has succeeded since. */
    public boolean inOutage() {
        return outage;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** How much longer Redis is skipped; zero when it is not. */
    public Duration skipRemaining() {
        if (!tripped) {
            return Duration.ZERO;
        }
        long left = skipUntil - nanoTime.getAsLong();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
