package com.bensbot.trading.audit;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who made a request, as audit records name it: the authenticated client's name (the request attribute
 * {@value #NAME_ATTRIBUTE}, set by client authentication) or else the socket peer's IP address. The one place
 * that decides it, so that a proxy-aware resolution can replace it.
 */
public final class AuditClient {
    public static final String NAME_ATTRIBUTE = "bensbot.clientName";
    /** Set by the rate limiter: the client as it resolved it (X-Forwarded-For from trusted proxies honoured). */
    public static final String RESOLVED_ATTRIBUTE = "bensbot.resolvedClient";
    private static final String KEY_PREFIX = "key:";

    private AuditClient() {
    }

    public static String of(HttpServletRequest request) {
        if (request.getAttribute(NAME_ATTRIBUTE) instanceof String name && !name.isEmpty()) {
            return name;
        }
        if (request.getAttribute(RESOLVED_ATTRIBUTE) instanceof String resolved && !resolved.isEmpty()) {
            return resolved.startsWith(KEY_PREFIX) ? resolved.substring(KEY_PREFIX.length()) : resolved;
        }
        String peer = request.getRemoteAddr();
        return peer == null || peer.isEmpty() ? "unknown" : peer;
    }
}
