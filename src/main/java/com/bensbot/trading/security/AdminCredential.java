package com.bensbot.trading.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin token and its check (CONTRACT §7). Presented values are compared as SHA-256 digests in constant
 * time, so neither content nor length leaks through timing. The token itself is never exposed.
 */
public final class AdminCredential {
    public static final String HEADER = "X-Admin-Token";
    private static final String BEARER = "bearer ";

    /** The outcome of checking one request's credential. */
    public enum Verdict {
        ACCEPTED, MISSING, WRONG
    }

    private final byte[] digest;

    public AdminCredential(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("The admin token must not be empty");
        }
        this.digest = sha256(token);
    }

    /** A new random token: 32 bytes of SecureRandom, base64url (43 characters). */
    public static String generateToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Missing (or a non-Bearer {@code Authorization}) → MISSING; wrong, or both headers present and different →
     * WRONG.
     */
    public Verdict check(String adminHeader, String authorization) {
        String bearer = null;
        if (authorization != null && authorization.length() > BEARER.length()
                && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            bearer = authorization.substring(BEARER.length()).trim();
        }
        if (adminHeader != null && bearer != null && !adminHeader.equals(bearer)) {
            return Verdict.WRONG;
        }
        String presented = adminHeader != null ? adminHeader : bearer;
        if (presented == null || presented.isEmpty()) {
            return Verdict.MISSING;
        }
        return MessageDigest.isEqual(digest, sha256(presented)) ? Verdict.ACCEPTED : Verdict.WRONG;
    }

    public boolean accepts(String adminHeader, String authorization) {
        return check(adminHeader, authorization) == Verdict.ACCEPTED;
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "AdminCredential{<redacted>}";
    }
}
