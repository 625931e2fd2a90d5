package com.bensbot.trading.security;

import com.bensbot.trading.audit.AuditEntry;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Map;

/** The audit record of a refused admin credential: route and why, never the value presented. */
final class AdminRefusal {
    static final String ACTION = "admin.auth";

    private AdminRefusal() {
    }

    static AuditEntry entry(HttpServletRequest request, AdminCredential.Verdict verdict) {
        return AuditEntry.of(request, ACTION, "refused", Map.of(
                "method", request.getMethod(),
                "route", request.getRequestURI(),
                "reason", verdict == AdminCredential.Verdict.MISSING ? "missing" : "wrong"));
    }
}
