package com.bensbot.trading.trading;

import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.broker.BrokerRejectedException;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.store.StorageUnavailableException;

import java.util.Map;

/**
 * Submits orders through the safety layers in order: shape, the ledger claim (idempotency), trading state, mode,
 * policy, the halt once more, then the broker. Every step that refuses or reaches the broker is audited before the
 * answer leaves. Once the broker may hold the order, the answer is the order (201) or unknown (504), never a
 * "not sent": the ledger row keeps its reservation until a look-up settles it.
 */
public final class OrderService {
    /** The answer for the client: a new order (201) or a replay of an earlier one (200). */
    public record Outcome(boolean replayed, String body, String brokerOrderId) {
    }

    /** The order's ledger row as this request holds it; {@code keyed}: the client chose the key. */
    private record Claim(String key, int version, boolean keyed) {
    }

    private final OrderShape shape;
    private final IdempotencyGate idempotency;
    private final HaltGuard halt;
    private final LiveModeGuard mode;
    private final OrderPolicy policy;
    private final OrderSubmitter submitter;
    private final OrderJson orderJson;
    private final OrderAudit audit;
    private final OrderRecords records;
    private final OrderCounter counter;
    private final boolean keysPerClient;

    /** {@code keysPerClient}: clients authenticate, so each client's idempotency keys are its own. */
    public OrderService(OrderShape shape, IdempotencyGate idempotency, HaltGuard halt, LiveModeGuard mode,
                        OrderPolicy policy, OrderSubmitter submitter, OrderJson orderJson, OrderAudit audit,
                        OrderRecords records, OrderCounter counter, boolean keysPerClient) {
        this.shape = shape;
        this.idempotency = idempotency;
        this.halt = halt;
        this.mode = mode;
        this.policy = policy;
        this.submitter = submitter;
        this.orderJson = orderJson;
        this.audit = audit;
        this.records = records;
        this.counter = counter;
        this.keysPerClient = keysPerClient;
    }

    public Outcome submit(byte[] body, String idempotencyHeader, Caller caller) {
        OrderRequest order;
        String clientKey;
        try {
            order = shape.parse(body);
            clientKey = IdempotencyKeys.keyFor(idempotencyHeader, order);
        } catch (OrderRefusedException refusal) {
            refused(caller, refusal, Map.of("bodyBytes", body == null ? 0 : body.length));
            throw refusal;
        }
        String scopedKey = clientKey == null ? null : IdempotencyKeys.scoped(clientKey, keysPerClient ? caller.client() : null);
        OrderRequest toSend = order.withClientOrderId(IdempotencyKeys.brokerClientOrderId(scopedKey, order));
        boolean keyed = scopedKey != null;
        String ledgerKey = keyed ? scopedKey : IdempotencyKeys.internal(toSend.clientOrderId());
        IdempotencyGate.Decision decision;
        try {
            decision = idempotency.claim(ledgerKey, toSend, caller, keyed);
        } catch (OrderRefusedException refusal) {
            refused(caller, refusal, toSend.auditDetails());
            throw refusal;
        }
        if (decision instanceof IdempotencyGate.Replay replay) {
            audit.replayed(caller, clientKey, replay.brokerOrderId());
            counter.record("replayed");
            return new Outcome(true, replay.body(), replay.brokerOrderId());
        }
        IdempotencyGate.Proceed proceed = (IdempotencyGate.Proceed) decision;
        Claim claim = new Claim(ledgerKey, proceed.version(), keyed);
        try {
            return placeClaimed(toSend, claim, proceed, clientKey, caller);
        } catch (OrderRefusedException | BrokerException | OrderStateUnknownException
                 | StorageUnavailableException e) {
            throw e;
        } catch (RuntimeException unexpected) {
            // Whether the broker has the order is not known here: keep the row and its reservation, unresolved.
            records.write(new OrderRecords.KeyUnresolved(claim.key(), claim.version()));
            throw unexpected;
        }
    }

    private Outcome placeClaimed(OrderRequest order, Claim claim, IdempotencyGate.Proceed proceed, String clientKey,
                                 Caller caller) {
        try {
            halt.check();
            mode.check();
            policy.check(order, new DailyNotional.LedgerKey(claim.key(), claim.version()), proceed.held());
            audit.submitting(caller, order, clientKey);
            // The halt once more, just before the order leaves: the checks above may have taken seconds.
            halt.check();
        } catch (OrderRefusedException refusal) {
            releaseUnsent(claim);
            refused(caller, refusal, order.auditDetails());
            throw refusal;
        } catch (BrokerException failure) {
            releaseUnsent(claim);
            audit.brokerOutcome(caller, order, "failed", failure);
            counter.record("failed");
            throw failure;
        } catch (StorageUnavailableException storeDown) {
            // Nothing was sent. The row gives its reservation back when the store answers again.
            records.write(new OrderRecords.KeyReleased(claim.key(), claim.version()));
            throw storeDown;
        }
        Order placed;
        try {
            placed = submitter.submit(order);
        } catch (BrokerRejectedException rejected) {
            releaseUnsent(claim);
            audit.brokerOutcome(caller, order, "rejected", rejected);
            counter.record("rejected");
            throw rejected;
        } catch (OrderStateUnknownException unknown) {
            records.write(new OrderRecords.KeyUnresolved(claim.key(), claim.version()));
            audit.brokerOutcome(caller, order, "unresolved", unknown);
            counter.record("unresolved");
            throw unknown.forClient(claim.keyed());
        } catch (BrokerException notPlaced) {
            releaseUnsent(claim);
            audit.brokerOutcome(caller, order, "failed", notPlaced);
            counter.record("failed");
            throw notPlaced;
        }
        String json = orderJson.write(placed);
        records.write(new OrderRecords.KeyCompleted(claim.key(), claim.version(), json, placed.id()));
        audit.accepted(caller, order, placed);
        counter.record("accepted");
        return new Outcome(false, json, placed.id());
    }

    /** The broker certainly does not hold the order: forget the row and give its reservation back. */
    private void releaseUnsent(Claim claim) {
        records.write(new OrderRecords.KeyReleased(claim.key(), claim.version()));
    }

    private void refused(Caller caller, OrderRefusedException refusal, Map<String, Object> details) {
        audit.refused(caller, refusal.layer(), refusal, details);
        counter.record("refused");
    }
}
