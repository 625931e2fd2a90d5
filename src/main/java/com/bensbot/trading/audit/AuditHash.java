package com.bensbot.trading.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain hash of CONTRACT §7: lower-case hex SHA-256 of the UTF-8 bytes of
 * {@code seq|time|requestId|client|action|outcome|details|prevHash}, the first record's {@code prevHash} being 64
 * zeros. {@code details} is the canonical JSON text ({@link CanonicalJson}). None of the first six fields may hold
 * {@code |} ({@link AuditEntry} refuses it), so the joined text names its fields unambiguously.
 */
public final class AuditHash {
    public static final String GENESIS = "0".repeat(64);

    private AuditHash() {
    }

    public static String of(long seq, String time, String requestId, String client, String action, String outcome,
                            String canonicalDetails, String prevHash) {
        String text = seq + "|" + time + "|" + requestId + "|" + client + "|" + action + "|" + outcome + "|"
                + canonicalDetails + "|" + prevHash;
        return sha256Hex(text);
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
