package com.bensbot.trading.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Audit record times: RFC 3339 in UTC with exactly six fractional digits, e.g. {@code 2026-11-26T15:04:05.123456Z}. */
public final class AuditTime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditTime() {
    }

    /** The text hashed and stored for {@code instant}, truncated to microseconds. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** The earliest record time at or after {@code instant} (rounded up to a whole microsecond), as text. */
    static String formatCeiling(Instant instant) {
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return format(truncated.isBefore(instant) ? truncated.plus(1, ChronoUnit.MICROS) : truncated);
    }
}
