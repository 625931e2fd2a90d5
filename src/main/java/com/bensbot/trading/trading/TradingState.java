package com.bensbot.trading.trading;

import io.dropwizard.lifecycle.Managed;
import com.bensbot.trading.store.StorageUnavailableException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether an operator has halted trading. Read on every order from memory; kept in the database so that a halt
 * survives restarts and reaches every instance within the refresh interval. A halt takes effect here at once,
 * even when the database cannot be written (then it is retried on every refresh).
 */
public final class TradingState implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(TradingState.class);
    private static final long REFRESH_MILLIS = 500;

    /** A snapshot as {@code halt-trading} and {@code resume-trading} report it. */
    public record Snapshot(boolean halted, Instant since, String reason) {
    }

    private final TradingHaltStore store;
    private volatile Snapshot current = new Snapshot(false, null, null);
    private volatile Snapshot unsaved;
    private ScheduledExecutorService refresher;

    public TradingState(TradingHaltStore store) {
        this.store = store;
    }

    @Override
    public void start() {
        current = store.load();
        if (current.halted()) {
            LOG.warn("Trading is halted since {} (reason: {})", current.since(), current.reason());
        }
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "trading-state-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (refresher != null) {
            refresher.shutdownNow();
            refresher.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    public Snapshot snapshot() {
        return current;
    }

    public boolean isHalted() {
        return current.halted();
    }

    /**
     * Halts at once on this instance, then stores the halt for every instance. Throws
     * {@link StorageUnavailableException} when it could not be stored: the halt holds here (and storing it is
     * retried), but other instances may not have it.
     */
    public synchronized Snapshot halt(String reason) {
        return change(new Snapshot(true, Instant.now(), reason));
    }

    public synchronized Snapshot resume() {
        return change(new Snapshot(false, Instant.now(), null));
    }

    private Snapshot change(Snapshot next) {
        current = next;
        unsaved = next;
        JdbiException failure = persist();
        if (failure != null && next.halted()) {
            throw new StorageUnavailableException("Trading is halted on this instance, but the halt could not be "
                    + "stored: other instances may still accept orders until it is (retried every "
                    + REFRESH_MILLIS + " ms)", failure);
        }
        return next;
    }

    /** Stores the unsaved change, if any; returns the failure, or null. */
    private synchronized JdbiException persist() {
        Snapshot pending = unsaved;
        if (pending == null) {
            return null;
        }
        try {
            store.save(pending);
            unsaved = null;
            return null;
        } catch (JdbiException e) {
            LOG.error("Could not persist trading state (halted={}); it holds on this instance and is retried", pending
                    .halted(), e);
            return e;
        }
    }

    /** Picks up another instance's halt or resume; a local change not yet persisted wins until it is saved. */
    synchronized void refresh() {
        if (unsaved != null) {
            persist();
            return;
        }
        try {
            current = store.load();
        } catch (JdbiException e) {
            LOG.warn("Could not read trading state; keeping halted={}", current.halted());
        } catch (RuntimeException e) {
            LOG.error("Trading state refresh failed unexpectedly", e);
        }
    }
}
