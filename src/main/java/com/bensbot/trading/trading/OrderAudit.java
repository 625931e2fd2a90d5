package com.bensbot.trading.trading;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.http.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit records of order steps (CONTRACT §6): refusals and the record before the broker call go straight to the
 * store (a failure there answers 503 before anything is sent); records of what the broker answered go through
 * {@link OrderRecords}, which spools them when the store cannot take them, so that none is lost.
 */
public final class OrderAudit {
    static final String SUBMIT = "order.submit";
    static final String CANCEL = "order.cancel";

    private final AuditLog log;
    private final OrderRecords records;

    public OrderAudit(AuditLog log, OrderRecords records) {
        this.log = log;
        this.records = records;
    }

    public void refused(Caller caller, OrderLayer layer, ProblemException refusal, Map<String, Object> order) {
        Map<String, Object> details = base(order);
        details.put("layer", layer.label());
        details.put("reason", refusal.type().uri());
        details.put("detail", refusal.detail());
        if (refusal.violations() != null) {
            details.put("violations", refusal.violations().stream()
                    .map(v -> v.field() + ": " + v.message()).toList());
        }
        append(caller, SUBMIT, "rejected", details);
    }

    public void submitting(Caller caller, OrderRequest order, String idempotencyKey) {
        Map<String, Object> details = base(order.auditDetails());
        if (idempotencyKey != null) {
            details.put("idempotencyKey", idempotencyKey);
        }
        append(caller, SUBMIT, "submitting", details);
    }

    public void accepted(Caller caller, OrderRequest order, Order placed) {
        Map<String, Object> details = base(order.auditDetails());
        details.put("brokerOrderId", placed.id());
        details.put("status", placed.status());
        afterBroker(caller, SUBMIT, "accepted", details);
    }

    public void replayed(Caller caller, String idempotencyKey, String brokerOrderId) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("idempotencyKey", idempotencyKey);
        details.put("brokerOrderId", brokerOrderId);
        append(caller, SUBMIT, "replayed", details);
    }

    /** The broker refused, or the call failed; {@code outcome} is "rejected", "failed" or "unresolved". */
    public void brokerOutcome(Caller caller, OrderRequest order, String outcome, ProblemException failure) {
        Map<String, Object> details = base(order.auditDetails());
        details.put("layer", OrderLayer.BROKER.label());
        details.put("reason", failure.type().uri());
        details.put("status", failure.status());
        details.put("detail", failure.detail());
        afterBroker(caller, SUBMIT, outcome, details);
    }

    /** An unsettled order that a later look-up settled: "accepted" when the broker has it, else "failed". */
    public void resolved(Caller caller, String clientOrderId, String outcome, String brokerOrderId, String how) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("client_order_id", clientOrderId);
        if (brokerOrderId != null) {
            details.put("brokerOrderId", brokerOrderId);
        }
        details.put("resolvedBy", how);
        afterBroker(caller, SUBMIT, outcome, details);
    }

    /** One record per cancel: accepted, not-found, rejected, failed (not cancelled) or unknown (may be cancelled). */
    public void cancel(Caller caller, String orderId, String outcome, String detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", orderId);
        if (detail != null) {
            details.put("detail", detail);
        }
        afterBroker(caller, CANCEL, outcome, details);
    }

    private static Map<String, Object> base(Map<String, Object> order) {
        return order == null ? new LinkedHashMap<>() : new LinkedHashMap<>(order);
    }

    private void append(Caller caller, String action, String outcome, Map<String, Object> details) {
        log.append(new AuditEntry(caller.requestId(), caller.client(), action, outcome, details));
    }

    private void afterBroker(Caller caller, String action, String outcome, Map<String, Object> details) {
        records.write(new OrderRecords.AuditWrite(caller.requestId(), caller.client(), action, outcome, details));
    }
}
