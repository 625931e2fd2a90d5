package com.bensbot.trading.ratelimit;

import java.util.Arrays;

/**
 * Parses IP address literals without ever resolving a name (unlike {@code InetAddress.getByName}), so that
 * untrusted header values cost a bounded scan and nothing else. IPv4-mapped IPv6 addresses come back as IPv4.
 */
public final class IpAddress {
    private static final int MAX_TEXT = 64;

    private IpAddress() {
    }

    /** The 4 or 16 address bytes of {@code text}, or null when it is not an IP literal. */
    public static byte[] parse(String text) {
        return text == null ? null : parse(text, 0, text.length());
    }

    /**
     * The address in {@code text[from, to)}, surrounding blanks ignored; IPv6 may be bracketed and carry a zone
     * ({@code %eth0}), which is dropped. Null when it is not an IP literal.
     */
    public static byte[] parse(String text, int from, int to) {
        while (from < to && isBlank(text.charAt(from))) {
            from++;
        }
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        if (to - from < 2 || to - from > MAX_TEXT) {
            return null;
        }
        if (text.charAt(from) == '[') {
            if (text.charAt(to - 1) != ']') {
                return null;
            }
            return parseV6(text, from + 1, to - 1);
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == ':') {
                return parseV6(text, from, to);
            }
        }
        return parseV4(text, from, to);
    }

    private static byte[] parseV4(String text, int from, int to) {
        byte[] out = new byte[4];
        int part = 0;
        int i = from;
        while (part < 4) {
            int start = i;
            int value = 0;
            while (i < to && i - start < 3 && isDigit(text.charAt(i))) {
                value = value * 10 + (text.charAt(i) - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || value > 255 || (digits > 1 && text.charAt(start) == '0')) {
                return null;
            }
            out[part++] = (byte) value;
            if (part < 4) {
                if (i >= to || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        return i == to ? out : null;
    }

    private static byte[] parseV6(String text, int from, int to) {
        int zone = text.indexOf('%', from);
        if (zone >= 0 && zone < to) {
            to = zone;
        }
        if (to - from < 2) {
            return null;
        }
        byte[] out = new byte[16];
        int groups = 0;
        int compressAt = -1;
        int i = from;
        if (text.charAt(i) == ':') {
            if (text.charAt(i + 1) != ':') {
                return null;
            }
            compressAt = 0;
            i += 2;
        }
        while (i < to) {
            if (groups == 8) {
                return null;
            }
            int start = i;
            int value = 0;
            int digit;
            while (i < to && i - start < 4 && (digit = hexValue(text.charAt(i))) >= 0) {
                value = (value << 4) | digit;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                if (groups > 6) {
                    return null;
                }
                byte[] v4 = parseV4(text, start, to);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, groups * 2, 4);
                groups += 2;
                i = to;
                break;
            }
            if (i == start) {
                return null;
            }
            out[groups * 2] = (byte) (value >>> 8);
            out[groups * 2 + 1] = (byte) value;
            groups++;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (compressAt >= 0) {
                    return null;
                }
                compressAt = groups;
                i++;
            } else if (i == to) {
                return null;
            }
        }
        if (compressAt >= 0) {
            if (groups == 8) {
                return null;
            }
            int tail = (groups - compressAt) * 2;
            System.arraycopy(out, compressAt * 2, out, 16 - tail, tail);
            Arrays.fill(out, compressAt * 2, 16 - tail, (byte) 0);
        } else if (groups != 8) {
            return null;
        }
        return isV4Mapped(out) ? Arrays.copyOfRange(out, 12, 16) : out;
    }

    private static boolean isV4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    /**
     * The rate-limit key of an address: dotted IPv4, or for IPv6 its /64 network, since one subscriber is
     * usually given a whole /64.
     */
    public static String clientKey(byte[] address) {
        if (address.length == 4) {
            return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                    + (address[3] & 0xff);
        }
        StringBuilder key = new StringBuilder(24);
        for (int group = 0; group < 4; group++) {
            key.append(Integer.toHexString(((address[group * 2] & 0xff) << 8) | (address[group * 2 + 1] & 0xff)));
            key.append(':');
        }
        return key.append(":/64").toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
