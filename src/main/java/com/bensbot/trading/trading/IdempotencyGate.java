package com.bensbot.trading.trading;

import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.http.ProblemType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Claims an idempotency key before the order goes further (CONTRACT §6). A completed key is replayed; a key in
 * progress elsewhere is waited for up to two seconds; an unresolved key is resolved by asking the broker for its
 * {@code client_order_id}; a key held in progress for longer than any broker call can last is treated as
 * unresolved (its owner died).
 */
public final class IdempotencyGate {
    /** What to do with the request: go on (the key is ours now) or answer with a stored outcome. */
    public sealed interface Decision permits Proceed, Replay {
    }

    /** The key is ours; the order goes through the remaining layers. */
    public record Proceed() implements Decision {
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

    public Decision claim(String key, String requestHash, String clientOrderId) {
        Instant waitUntil = clock.instant().plus(WAIT);
        while (true) {
            Instant now = clock.instant();
            if (store.claim(key, requestHash, clientOrderId, now)) {
                return new Proceed();
            }
            Optional<IdempotencyStore.Entry> found = store.find(key);
            if (found.isEmpty()) {
                continue;
            }
            IdempotencyStore.Entry entry = found.get();
            if (entry.createdAt().isBefore(now.minus(ttl))) {
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
                    Optional<Decision> decided = resolve(entry, now);
                    if (decided.isPresent()) {
                        return decided.get();
                    }
                }
                case IN_PROGRESS -> {
                    if (entry.updatedAt().isBefore(now.minus(abandonedAfter))) {
                        Optional<Decision> decided = resolve(entry, now);
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

    /** Asks the broker whether the order exists; empty when another request took the key over meanwhile. */
    private Optional<Decision> resolve(IdempotencyStore.Entry entry, Instant now) {
        if (!store.takeOver(entry, now)) {
            return Optional.empty();
        }
        Optional<Order> placed;
        try {
            placed = client.orderByClientOrderId(entry.clientOrderId());
        } catch (BrokerException e) {
            store.markUnresolved(entry.key(), clock.instant());
            throw new OrderStateUnknownException(entry.clientOrderId(), e);
        }
        if (placed.isPresent()) {
            String body = orderJson.write(placed.get());
            store.complete(entry.key(), 201, body, placed.get().id(), clock.instant());
            return Optional.of(new Replay(201, body, placed.get().id()));
        }
        return Optional.of(new Proceed());
    }

    public void completed(String key, String body, String brokerOrderId) {
        store.complete(key, 201, body, brokerOrderId, clock.instant());
    }

    public void unresolved(String key) {
        store.markUnresolved(key, clock.instant());
    }

    public void release(String key) {
        store.release(key);
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
