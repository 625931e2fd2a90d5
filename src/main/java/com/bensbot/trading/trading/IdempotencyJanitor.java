package com.bensbot.trading.trading;

import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Deletes idempotency keys older than their time to live, every ten minutes. */
public final class IdempotencyJanitor implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyJanitor.class);
    private final IdempotencyStore store;
    private final Duration ttl;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public IdempotencyJanitor(IdempotencyStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "idempotency-janitor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::purge, 1, 10, TimeUnit.MINUTES);
    }

    void purge() {
        try {
            int removed = store.purgeCreatedBefore(clock.instant().minus(ttl));
            if (removed > 0) {
                LOG.info("Removed {} expired idempotency keys", removed);
            }
        } catch (JdbiException e) {
            LOG.warn("Could not purge expired idempotency keys: {}", e.getMessage());
        }
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        }
    }
}
