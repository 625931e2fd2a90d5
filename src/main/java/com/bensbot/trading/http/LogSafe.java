package com.bensbot.trading.http;

/**
 * Makes client-controlled text safe to put in a log line: CR and LF become the visible escapes {@code \r} and
 * {@code \n} (so no one can forge a log line), other control characters become {@code ?}, and the value is cut
 * at {@value #MAX_LENGTH} characters.
 */
public final class LogSafe {
    static final int MAX_LENGTH = 256;

    private LogSafe() {
    }

    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length(), MAX_LENGTH);
        int first = firstUnsafe(value, length);
        if (first < 0) {
            return length == value.length() ? value : value.substring(0, length) + "…";
        }
        StringBuilder out = new StringBuilder(length + 8).append(value, 0, first);
        for (int i = first; i < length; i++) {
            char c = value.charAt(i);
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\n') {
                out.append("\\n");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        if (length < value.length()) {
            out.append('…');
        }
        return out.toString();
    }

    private static int firstUnsafe(String value, int length) {
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                return i;
            }
        }
        return -1;
    }
}
