package com.bensbot.trading.audit;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The newest record of the chain as {@code SEQ:HASH}; {@code 0:000…0} for an empty log. */
public record AuditHead(long seq, String hash) {
    public static final AuditHead GENESIS = new AuditHead(0, AuditHash.GENESIS);
    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18}):([0-9a-fA-F]{64})");

    public static AuditHead of(AuditRecord record) {
        return new AuditHead(record.seq(), record.hash());
    }

    /** Parses {@code SEQ:HASH} (hash in hex of either case); IllegalArgumentException when it is not one. */
    public static AuditHead parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("An audit head is SEQ:HASH, e.g. 42:<64 hex digits>");
        }
        return new AuditHead(Long.parseLong(matcher.group(1)), matcher.group(2).toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
