package com.bensbot.trading.http;

import org.slf4j.MDC;

import java.util.concurrent.ThreadLocalRandom;

/** Request ID rules of CONTRACT §4: accept the caller's well-formed value, otherwise make a new one. */
public final class RequestIds {
    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "requestId";
    public static final String ATTRIBUTE = RequestIds.class.getName();
    private static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** The caller's ID when it is 1–128 characters of {@code [A-Za-z0-9._-]}, else a newly generated one. */
    public static String acceptOrGenerate(String candidate) {
        return isValid(candidate) ? candidate : generate();
    }

    public static boolean isValid(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        fillHex(out, 0, random.nextLong());
        fillHex(out, 16, random.nextLong());
        return new String(out);
    }

    /** The request ID of the request this thread is serving, or a new one when there is none. */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : generate();
    }

    private static void fillHex(char[] out, int offset, long value) {
        for (int i = 15; i >= 0; i--) {
            int nibble = (int) (value & 0xF);
            out[offset + i] = (char) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
            value >>>= 4;
        }
    }
}
