package com.bensbot.trading.ratelimit;

import java.util.Arrays;

/** One CIDR block, IPv4 or IPv6; an address matches only blocks of its own family. */
public final class Cidr {
    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** {@code 10.0.0.0/8}, {@code fd00::/8}, or a bare address (a single host); host bits are ignored. */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty CIDR block");
        }
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        byte[] address = IpAddress.parse(trimmed, 0, slash < 0 ? trimmed.length() : slash);
        if (address == null) {
            throw new IllegalArgumentException("not an IP address: " + trimmed);
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = trimmed.substring(slash + 1);
            if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length: " + trimmed);
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                throw new IllegalArgumentException("prefix longer than the address: " + trimmed);
            }
        }
        return new Cidr(mask(address, prefix), prefix);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = Arrays.copyOf(address, address.length);
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] = (byte) (masked[i] & (0xff00 >>> keep));
        }
        return masked;
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff00 >>> rest) & 0xff;
        return (address[full] & mask) == (network[full] & 0xff);
    }
}
