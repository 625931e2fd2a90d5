package com.bensbot.trading.trading;

import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.BrokerRejectedException;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.store.StorageUnavailableException;

import java.util.Map;

/**
 * Submits orders through the layers of CONTRACT §6 in order: shape, idempotency claim, trading state, mode,
 * policy, then the broker. Every step that refuses or reaches the broker is audited before the answer leaves.
 */
public final class OrderService {
    /** The answer for the client: a new order (201) or a replay of an earlier one (200). */
    public record Outcome(boolean replayed, String body, String brokerOrderId) {
    }

    private final OrderShape shape;
    private final IdempotencyGate idempotency;
    private final HaltGuard halt;
    private final LiveModeGuard mode;
    private final OrderPolicy policy;
    private final OrderSubmitter submitter;
    private final OrderJson orderJson;
    private final OrderAudit audit;
    private final OrderCounter counter;

    public OrderService(OrderShape shape, IdempotencyGate idempotency, HaltGuard halt, LiveModeGuard mode,
                        OrderPolicy policy, OrderSubmitter submitter, OrderJson orderJson, OrderAudit audit,
                        OrderCounter counter) {
        this.shape = shape;
        this.idempotency = idempotency;
        this.halt = halt;
        this.mode = mode;
        this.policy = policy;
        this.submitter = submitter;
        this.orderJson = orderJson;
        this.audit = audit;
        this.counter = counter;
    }

    public Outcome submit(byte[] body, String idempotencyHeader, Caller caller) {
        OrderRequest order;
        String key;
        try {
            order = shape.parse(body);
            key = IdempotencyKeys.keyFor(idempotencyHeader, order);
        } catch (OrderRefusedException refusal) {
            audit.refused(caller, refusal.layer(), refusal, Map.of("bodyBytes", body == null ? 0 : body.length));
            counter.record("refused");
            throw refusal;
        }
        OrderRequest toSend = order.withClientOrderId(IdempotencyKeys.brokerClientOrderId(key, order));
        if (key != null) {
            IdempotencyGate.Decision decision;
            try {
                decision = idempotency.claim(key, IdempotencyKeys.requestHash(order), toSend.clientOrderId());
            } catch (OrderRefusedException refusal) {
                audit.refused(caller, refusal.layer(), refusal, toSend.auditDetails());
                counter.record("refused");
                throw refusal;
            }
            if (decision instanceof IdempotencyGate.Replay replay) {
                audit.replayed(caller, key, replay.brokerOrderId());
                counter.record("replayed");
                return new Outcome(true, replay.body(), replay.brokerOrderId());
            }
        }
        try {
            return placeClaimed(toSend, key, caller);
        } catch (OrderRefusedException | BrokerException | OrderStateUnknownException e) {
            throw e;
        } catch (RuntimeException unexpected) {
            // Keep the key claimed as unresolved: whether the broker has the order is not known here.
            if (key != null) {
                idempotency.unresolved(key);
            }
            throw unexpected;
        }
    }

    private Outcome placeClaimed(OrderRequest order, String key, Caller caller) {
        OrderPolicy.Reservation reservation;
        try {
            halt.check();
            mode.check();
            reservation = policy.check(order);
        } catch (OrderRefusedException refusal) {
            releaseKey(key);
            audit.refused(caller, refusal.layer(), refusal, order.auditDetails());
            counter.record("refused");
            throw refusal;
        } catch (BrokerException failure) {
            releaseKey(key);
            audit.brokerOutcome(caller, order, "failed", failure);
            counter.record("failed");
            throw failure;
        }
        try {
            audit.submitting(caller, order, key);
        } catch (StorageUnavailableException storeDown) {
            policy.release(reservation);
            releaseKey(key);
            throw storeDown;
        }
        Order placed;
        try {
            placed = submitter.submit(order);
        } catch (BrokerRejectedException rejected) {
            policy.release(reservation);
            releaseKey(key);
            audit.brokerOutcome(caller, order, "rejected", rejected);
            counter.record("rejected");
            throw rejected;
        } catch (OrderStateUnknownException unknown) {
            if (key != null) {
                idempotency.unresolved(key);
            }
            audit.brokerOutcome(caller, order, "unresolved", unknown);
            counter.record("unresolved");
            throw unknown;
        } catch (BrokerException notPlaced) {
            policy.release(reservation);
            releaseKey(key);
            audit.brokerOutcome(caller, order, "failed", notPlaced);
            counter.record("failed");
            throw notPlaced;
        }
        String json = orderJson.write(placed);
        if (key != null) {
            idempotency.completed(key, json, placed.id());
        }
        audit.accepted(caller, order, placed);
        counter.record("accepted");
        return new Outcome(false, json, placed.id());
    }

    private void releaseKey(String key) {
        if (key != null) {
            idempotency.release(key);
        }
    }
}
