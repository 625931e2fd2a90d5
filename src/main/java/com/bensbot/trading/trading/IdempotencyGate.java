package com.bensbot.trading.trading;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.BrokerRejectedException;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.http.ProblemType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims an order's ledger row before the order goes further (CONTRACT §6). A completed key is replayed; a key in
 * progress elsewhere is waited for up to two seconds; an unresolved key is resolved by asking the broker for its
 * {@code client_order_id}; a key held in progress for longer than the slowest order path is treated as unresolved
 * (its owner died). Whoever goes on holds the row's version, which fences every later write.
 */
public final class IdempotencyGate {
    /** What to do with the request: go on (the key is ours now) or answer with a stored outcome. */
    public sealed interface Decision permits Proceed, Replay {
    }

    /**
     * The key is ours at {@code version}; the order goes through the remaining layers. {@code held} is the
     * reservation an earlier attempt of the same order still holds (an unresolved order being resent).
     */
    public record Proceed(int version, Optional<OrderPolicy.Reservation> held) implements Decision {
    }

    /** The order exists: answer with it again. */
    public record Replay(int status, String body, String brokerOrderId) implements Decision {
    }

    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 50;

    private final IdempotencyStore store;
    private final AlpacaClient client;
    private final OrderJson orderJson;
    private final Duration ttl;
    private final Duration abandonedAfter;
    private final Clock clock;

    public IdempotencyGate(IdempotencyStore store, AlpacaClient client, OrderJson orderJson, Duration ttl,
                           Duration abandonedAfter, Clock clock) {
        this.store = store;
        this.client = client;
        this.orderJson = orderJson;
        this.ttl = ttl;
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    /** Claims {@code key} for {@code order} (which carries the broker's client_order_id); {@code keyed}: a client key. */
    public Decision claim(String key, OrderRequest order, Caller caller, boolean keyed) {
        String requestHash = IdempotencyKeys.requestHash(order);
        Instant waitUntil = clock.instant().plus(WAIT);
        while (true) {
            Instant now = clock.instant();
            if (store.claim(key, requestHash, order.clientOrderId(), caller, now)) {
                return new Proceed(0, Optional.empty());
            }
            Optional<IdempotencyStore.Entry> found = store.find(key);
            if (found.isEmpty()) {
                continue;
            }
            IdempotencyStore.Entry entry = found.get();
            if (entry.state() == IdempotencyStore.State.COMPLETED && entry.createdAt().isBefore(now.minus(ttl))) {
                store.expire(entry);
                continue;
            }
            if (!entry.requestHash().equals(requestHash)) {
                throw new OrderRefusedException(OrderLayer.SHAPE, ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different order");
            }
            switch (entry.state()) {
                case COMPLETED -> {
                    return new Replay(entry.statusCode(), entry.responseBody(), entry.brokerOrderId());
                }
                case UNRESOLVED -> {
                    Optional<Decision> decided = resolve(entry, order, keyed);
                    if (decided.isPresent()) {
                        return decided.get();
                    }
                }
                case IN_PROGRESS -> {
                    if (entry.updatedAt().isBefore(now.minus(abandonedAfter))) {
                        Optional<Decision> decided = resolve(entry, order, keyed);
                        if (decided.isPresent()) {
                            return decided.get();
                        }
                    } else if (now.isAfter(waitUntil)) {
                        throw IdempotencyKeys.inProgress();
                    } else {
                        sleep();
                    }
                }
                default -> throw new IllegalStateException("Unknown idempotency state " + entry.state());
            }
        }
    }

    /**
     * Asks the broker whether the order exists; empty when another request took the key over first. Nothing found
     * means the order goes on to be resent under the same client_order_id, which the broker refuses should the
     * first attempt still arrive: never two orders.
     */
    private Optional<Decision> resolve(IdempotencyStore.Entry entry, OrderRequest order, boolean keyed) {
        Optional<Integer> owned = store.takeOver(entry, clock.instant());
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        int version = owned.get();
        Optional<Order> placed;
        try {
            placed = client.orderByClientOrderId(entry.clientOrderId());
        } catch (BrokerException e) {
            store.markUnresolved(entry.key(), version, clock.instant());
            throw new OrderStateUnknownException(entry.clientOrderId(), keyed, e);
        }
        if (placed.isEmpty()) {
            return Optional.of(new Proceed(version, entry.reservation()));
        }
        if (!OrderMatch.sameOrder(order, placed.get())) {
            store.releaseUnsent(entry.key(), version);
            throw new BrokerRejectedException(422, "client_order_id " + entry.clientOrderId()
                    + " is already used by another order at the broker");
        }
        String body = orderJson.write(placed.get());
        store.complete(entry.key(), version, 201, body, placed.get().id(), clock.instant());
        return Optional.of(new Replay(201, body, placed.get().id()));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw IdempotencyKeys.inProgress();
        }
    }
}
