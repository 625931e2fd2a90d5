package com.bensbot.trading.livedata;

import com.bensbot.trading.http.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and checking of the market-data parameters of CONTRACT §3; any violation is 400 invalid-parameter. */
public final class MarketParams {
    public static final int MAX_SYMBOLS = 100;
    public static final int MAX_BARS = 1000;
    private static final int MAX_SYMBOL_LENGTH = 16;
    private static final Pattern TIMEFRAME =
            Pattern.compile("([1-9]|[1-5][0-9])Min|([1-9]|1[0-9]|2[0-3])Hour|1Day|1Week|(1|2|3|4|6|12)Month");
    private static final Pattern TIMEFRAME_PARTS = Pattern.compile("(\\d+)(Min|Hour|Day|Week|Month)");

    private MarketParams() {
    }

    /**
     * 1–16 characters of {@code A–Z 0–9 . -}, case-insensitive, returned upper-case. Not dots alone: {@code .} and
     * {@code ..} would be dot-segments in the broker's URL path, which a proxy may resolve to another endpoint.
     */
    public static String symbol(String raw) {
        String symbol = symbolOrNull(raw);
        if (symbol == null) {
            throw ProblemException.invalidParameter(
                    "A symbol is 1–16 characters of A–Z, 0–9, '.' and '-', not dots alone");
        }
        return symbol;
    }

    /** {@link #symbol}'s rule without the exception: the upper-case symbol, or null when {@code raw} breaks it. */
    static String symbolOrNull(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_SYMBOL_LENGTH) {
            return null;
        }
        char[] out = null;
        boolean onlyDots = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            onlyDots &= c == '.';
            if (c >= 'a' && c <= 'z') {
                if (out == null) {
                    out = raw.toCharArray();
                }
                c = (char) (c - 32);
                out[i] = c;
            }
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
                return null;
            }
        }
        if (onlyDots) {
            return null;
        }
        return out == null ? raw : new String(out);
    }

    /** A comma-separated list of 1–100 symbols, duplicates dropped, order kept. */
    public static List<String> symbols(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidParameter("'symbols' must list 1–" + MAX_SYMBOLS + " comma-separated symbols");
        }
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_SYMBOLS) {
            throw ProblemException.invalidParameter("At most " + MAX_SYMBOLS + " symbols per call");
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (String part : parts) {
            symbols.add(symbol(part.trim()));
        }
        return new ArrayList<>(symbols);
    }

    public static String timeframe(String raw) {
        if (raw == null || !TIMEFRAME.matcher(raw).matches()) {
            throw ProblemException.invalidParameter(
                    "'timeframe' must be [1-59]Min, [1-23]Hour, 1Day, 1Week or {1,2,3,4,6,12}Month");
        }
        return raw;
    }

    /** The length of one bar of a valid timeframe (a month counts 31 days, to look back far enough). */
    public static Duration barLength(String timeframe) {
        Matcher parts = TIMEFRAME_PARTS.matcher(timeframe);
        if (!parts.matches()) {
            throw ProblemException.invalidParameter("Unknown timeframe " + timeframe);
        }
        long n = Long.parseLong(parts.group(1));
        return switch (parts.group(2)) {
            case "Min" -> Duration.ofMinutes(n);
            case "Hour" -> Duration.ofHours(n);
            case "Day" -> Duration.ofDays(n);
            case "Week" -> Duration.ofDays(7 * n);
            default -> Duration.ofDays(31 * n);
        };
    }

    /** A whole number in 1..max, the default when absent. */
    public static int limit(String raw, int defaultValue, int max) {
        int value;
        if (raw == null || raw.isEmpty()) {
            value = defaultValue;
        } else if (raw.length() > 9 || !raw.chars().allMatch(Character::isDigit)) {
            value = -1;
        } else {
            value = Integer.parseInt(raw);
        }
        if (value < 1 || value > max) {
            throw ProblemException.invalidParameter("'limit' must be between 1 and " + max);
        }
        return value;
    }

    /** RFC 3339 date-time or a plain date; returned as an RFC 3339 UTC instant, null when absent. */
    public static Instant time(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.length() > 40) {
            throw ProblemException.invalidParameter("'" + name + "' must be an RFC 3339 time or a date");
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(raw).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw ProblemException.invalidParameter("'" + name + "' must be an RFC 3339 time or a date");
            }
        }
    }

}
