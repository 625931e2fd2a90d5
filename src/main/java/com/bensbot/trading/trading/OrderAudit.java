package com.bensbot.trading.trading;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.broker.Order;
import com.bensbot.trading.http.ProblemException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audit records of order steps (CONTRACT §6): refusals, the record before the broker call, its outcome. */
public final class OrderAudit {
    static final String SUBMIT = "order.submit";
    static final String CANCEL = "order.cancel";

    private final AuditLog log;

    public OrderAudit(AuditLog log) {
        this.log = log;
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
        append(caller, SUBMIT, "accepted", details);
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
        append(caller, SUBMIT, outcome, details);
    }

    public void cancel(Caller caller, String orderId, String outcome, String detail) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("orderId", orderId);
        if (detail != null) {
            details.put("detail", detail);
        }
        append(caller, CANCEL, outcome, details);
    }

    private static Map<String, Object> base(Map<String, Object> order) {
        return order == null ? new LinkedHashMap<>() : new LinkedHashMap<>(order);
    }

    private void append(Caller caller, String action, String outcome, Map<String, Object> details) {
        log.append(new AuditEntry(caller.requestId(), caller.client(), action, outcome, details));
    }
}
