package com.bensbot.trading.trading;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.store.StorageUnavailableException;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Settles orders whose outcome stayed unknown, whether or not their client comes back: a ledger row that is
 * unresolved (or in progress with a dead owner) and untouched for longer than the slowest order path is taken over
 * and the broker is asked for its client_order_id. Found: the row completes and the order is audited accepted.
 * Not found after that long: no attempt can still be on its way, so the row and its reservation are released and
 * the order is audited failed. A look-up that fails leaves the row for the next round.
 */
public final class UnresolvedOrderResolver implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(UnresolvedOrderResolver.class);
    private static final int BATCH = 50;

    private final IdempotencyStore store;
    private final AlpacaClient client;
    private final OrderJson orderJson;
    private final OrderAudit audit;
    private final OrderRecords records;
    private final Duration quietFor;
    private final Duration interval;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public UnresolvedOrderResolver(IdempotencyStore store, AlpacaClient client, OrderJson orderJson, OrderAudit audit,
                                   OrderRecords records, Duration quietFor, Duration interval, Clock clock) {
        this.store = store;
        this.client = client;
        this.orderJson = orderJson;
        this.audit = audit;
        this.records = records;
        this.quietFor = quietFor;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "unresolved-orders");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::resolveQuietly, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        }
    }

    private void resolveQuietly() {
        try {
            resolveSettled();
        } catch (StorageUnavailableException | BrokerException e) {
            LOG.warn("Unresolved orders not settled this round: {}", e.getMessage());
        }
    }

    /** One round; returns how many rows it settled. */
    int resolveSettled() {
        List<IdempotencyStore.Entry> unsettled = store.unsettled(clock.instant().minus(quietFor), BATCH);
        int settled = 0;
        for (IdempotencyStore.Entry entry : unsettled) {
            if (settle(entry)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean settle(IdempotencyStore.Entry entry) {
        Optional<Integer> owned = store.takeOver(entry, clock.instant());
        if (owned.isEmpty()) {
            return false;
        }
        int version = owned.get();
        Optional<Order> placed;
        try {
            placed = client.orderByClientOrderId(entry.clientOrderId());
        } catch (BrokerException e) {
            store.markUnresolved(entry.key(), version, clock.instant());
            throw e;
        }
        if (placed.isPresent()) {
            Order order = placed.get();
            records.write(new OrderRecords.KeyCompleted(entry.key(), version, orderJson.write(order), order.id()));
            audit.resolved(entry.caller(), entry.clientOrderId(), "accepted", order.id(), "look-up");
            LOG.info("Order {} of unknown outcome is at the broker as {}", entry.clientOrderId(), order.id());
            return true;
        }
        records.write(new OrderRecords.KeyReleased(entry.key(), version));
        audit.resolved(entry.caller(), entry.clientOrderId(), "failed", null, "look-up");
        LOG.info("Order {} of unknown outcome never reached the broker; its reservation is given back",
                entry.clientOrderId());
        return true;
    }
}
