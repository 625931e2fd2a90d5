package com.bensbot.trading.trading;

import com.bensbot.trading.http.ProblemException;
import com.bensbot.trading.http.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/** The idempotency rules of CONTRACT §6 that need no storage: which key applies, and the broker's order id. */
public final class IdempotencyKeys {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private IdempotencyKeys() {
    }

    /** The {@code Idempotency-Key} header, else the body's {@code client_order_id}, else null (not idempotent). */
    public static String keyFor(String header, OrderRequest order) {
        if (header != null) {
            if (!KEY.matcher(header).matches()) {
                throw new OrderRefusedException(OrderLayer.SHAPE, ProblemType.INVALID_PARAMETER,
                        "Idempotency-Key must be 1–128 characters of A–Z, a–z, 0–9, '.', '_', ':' and '-'");
            }
            if (order.clientOrderId() != null && !order.clientOrderId().equals(header)) {
                throw new OrderRefusedException(OrderLayer.SHAPE, ProblemType.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency-Key and client_order_id are both given and differ");
            }
            return header;
        }
        return order.clientOrderId();
    }

    /**
     * The key as the ledger stores it: with clients authenticated, scoped to the client's key name (another
     * client's key of the same text is a different key); without, global. A key never holds '/'.
     */
    public static String scoped(String key, String clientName) {
        return clientName == null ? key : clientName + "/" + key;
    }

    /** The ledger key of a submission without a client key: no client can send '~', so none can collide. */
    public static String internal(String clientOrderId) {
        return "~" + clientOrderId;
    }

    /** The client's own id, else one derived from the key (the same on every instance), else a fresh one. */
    public static String brokerClientOrderId(String key, OrderRequest order) {
        if (order.clientOrderId() != null) {
            return order.clientOrderId();
        }
        if (key != null) {
            return "bb-" + sha256(key).substring(0, 40);
        }
        return "bb-" + UUID.randomUUID();
    }

    public static String requestHash(OrderRequest order) {
        return sha256(order.canonical());
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The request's key was taken over by another request while this one was still checking the order. */
    static OrderRefusedException takenOver() {
        return new OrderRefusedException(OrderLayer.SHAPE, ProblemType.REQUEST_IN_PROGRESS,
                "Another request with this Idempotency-Key took the order over; repeat shortly to learn its outcome");
    }

    static ProblemException inProgress() {
        return new ProblemException(ProblemType.REQUEST_IN_PROGRESS, 409,
                "An order with this Idempotency-Key is still being processed; repeat shortly", 1, null, null);
    }
}
