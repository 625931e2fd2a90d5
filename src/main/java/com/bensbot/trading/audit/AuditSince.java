package com.bensbot.trading.audit;

import com.bensbot.trading.http.ProblemException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * The {@code since} filter of {@code /admin/audit}: a whole number (records with a greater seq) or an RFC 3339
 * time (records at or after it), as a SQL condition and its argument.
 */
record AuditSince(String condition, Object argument) {
    static final AuditSince NONE = new AuditSince("", null);
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
            .toFormatter();
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    /** Parses {@code raw}; null or empty means no filter; anything else unreadable is 400 invalid-parameter. */
    static AuditSince parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        if (raw.length() <= 18 && raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new AuditSince("WHERE seq > :since", Long.parseLong(raw));
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(raw, RFC_3339).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidParameter(
                    "'since' must be a record seq (a whole number) or an RFC 3339 time such as 2026-11-26T15:04:05Z");
        }
        if (instant.isAfter(LATEST)) {
            throw ProblemException.invalidParameter("'since' must be a time before the year 10000");
        }
        // Stored times are fixed-width RFC 3339 text in UTC, so comparing text compares times.
        return new AuditSince("WHERE recorded_at >= :since", AuditTime.formatCeiling(instant));
    }

    boolean isNone() {
        return argument == null;
    }
}
