package com.bensbot.trading.audit;

import com.bensbot.trading.http.RequestIds;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a caller asks {@link AuditLog#append} to record: who ({@code requestId}, {@code client}), what
 * ({@code action}, e.g. {@code order.submit}, {@code breaker.reset}), how it ended ({@code outcome}, e.g.
 * {@code ok}, {@code rejected}, {@code refused}, {@code failed}) and {@code details}.
 *
 * <p>Details are facts the client may see: route, symbol, side, quantities, the refusing layer and its reason,
 * broker order IDs. Never a credential, a header value or anything the client did not send in the open: audit
 * records are served on {@code /admin/audit}. As a guard, a details key that names a secret ({@code token},
 * {@code secret}, {@code password}, {@code authorization}, {@code apiKey}, …) is refused outright. Values are
 * those {@link CanonicalJson} writes.
 */
public record AuditEntry(String requestId, String client, String action, String outcome, Map<String, Object> details) {
    private static final Pattern SECRET_KEY =
            Pattern.compile(".*(token|secret|password|passwd|authorization|api[-_]?key|cookie).*");

    public AuditEntry {
        requireField("requestId", requestId, 128);
        requireField("client", client, 256);
        requireField("action", action, 100);
        requireField("outcome", outcome, 100);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
        refuseSecretKeys(details, "details");
    }

    /**
     * An entry for the request being served: its request ID ({@code X-Request-ID}) and its client as
     * {@link AuditClient} names it.
     */
    public static AuditEntry of(HttpServletRequest request, String action, String outcome,
                                Map<String, Object> details) {
        Object requestId = request.getAttribute(RequestIds.ATTRIBUTE);
        return new AuditEntry(requestId instanceof String id ? id : RequestIds.current(), AuditClient.of(request),
                action, outcome, details);
    }

    private static void requireField(String name, String value, int maxLength) {
        if (value == null || value.isEmpty() || value.length() > maxLength) {
            throw new IllegalArgumentException("Audit " + name + " must be 1-" + maxLength + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '|' || c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("Audit " + name + " must not hold '|' or control characters");
            }
        }
    }

    private static void refuseSecretKeys(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).matches()) {
                    throw new IllegalArgumentException("Audit " + path + ": key '" + key
                            + "' names a secret; audit records hold client-visible facts only");
                }
                refuseSecretKeys(entry.getValue(), path + "." + key);
            }
        } else if (value instanceof Collection<?> list) {
            for (Object item : list) {
                refuseSecretKeys(item, path + "[]");
            }
        }
    }
}
