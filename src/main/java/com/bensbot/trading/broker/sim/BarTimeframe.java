package com.bensbot.trading.broker.sim;

import static com.bensbot.trading.broker.sim.NyseCalendar.NEW_YORK;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar size as Alpaca names it ({@code 5Min}, {@code 1Hour}, {@code 1Day}, {@code 1Week},
 * {@code 3Month}, or the short forms {@code T H D W M}). Intraday bars are aligned to UTC epoch
 * multiples of their length; day, week and month bars start at midnight New York time, as Alpaca's do.
 */
record BarTimeframe(int amount, Unit unit) {

    enum Unit {
        MINUTE("Min"),
        HOUR("Hour"),
        DAY("Day"),
        WEEK("Week"),
        MONTH("Month");

        private final String label;

        Unit(String label) {
            this.label = label;
        }
    }

    private static final Pattern FORMAT = Pattern.compile("([1-9][0-9]?)(Min|T|Hour|H|Day|D|Week|W|Month|M)");
    private static final Set<Integer> MONTH_AMOUNTS = Set.of(1, 2, 3, 4, 6, 12);
    private static final int SESSION_MINUTES = 390;
    private static final Duration SESSION_PROBE_STEP = Duration.ofMinutes(30);

    static Optional<BarTimeframe> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int amount = Integer.parseInt(matcher.group(1));
        Unit unit = switch (matcher.group(2)) {
            case "Min", "T" -> Unit.MINUTE;
            case "Hour", "H" -> Unit.HOUR;
            case "Day", "D" -> Unit.DAY;
            case "Week", "W" -> Unit.WEEK;
            default -> Unit.MONTH;
        };
        boolean valid = switch (unit) {
            case MINUTE -> amount <= 59;
            case HOUR -> amount <= 23;
            case DAY, WEEK -> amount == 1;
            case MONTH -> MONTH_AMOUNTS.contains(amount);
        };
        return valid ? Optional.of(new BarTimeframe(amount, unit)) : Optional.empty();
    }

    String label() {
        return amount + unit.label;
    }

    Instant startOfBarContaining(Instant instant) {
        if (isIntraday()) {
            long length = intradayLength().getSeconds();
            return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), length) * length);
        }
        LocalDate day = instant.atZone(NEW_YORK).toLocalDate();
        LocalDate first = switch (unit) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / amount * amount + 1, 1);
            default -> day;
        };
        return first.atStartOfDay(NEW_YORK).toInstant();
    }

    Instant next(Instant barStart) {
        return isIntraday() ? barStart.plus(intradayLength()) : step(barStart, 1);
    }

    Instant previous(Instant barStart) {
        return isIntraday() ? barStart.minus(intradayLength()) : step(barStart, -1);
    }

    /** Whether the market trades during the bar: intraday bars need extended hours, day bars a trading day. */
    boolean hasTrading(Instant barStart, NyseCalendar calendar) {
        return switch (unit) {
            case MINUTE, HOUR -> overlapsExtendedHours(barStart, calendar);
            case DAY -> calendar.isTradingDay(barStart.atZone(NEW_YORK).toLocalDate());
            case WEEK, MONTH -> true;
        };
    }

    /** Regular-session minutes a bar spans, to scale volume. */
    long tradingMinutes() {
        return switch (unit) {
            case MINUTE -> amount;
            case HOUR -> 60L * amount;
            case DAY -> SESSION_MINUTES;
            case WEEK -> 5L * SESSION_MINUTES;
            case MONTH -> 21L * SESSION_MINUTES * amount;
        };
    }

    private boolean overlapsExtendedHours(Instant barStart, NyseCalendar calendar) {
        Instant end = next(barStart);
        for (Instant probe = barStart; probe.isBefore(end); probe = probe.plus(SESSION_PROBE_STEP)) {
            if (calendar.isExtendedHours(probe)) {
                return true;
            }
        }
        return calendar.isExtendedHours(end.minusSeconds(1));
    }

    private boolean isIntraday() {
        return unit == Unit.MINUTE || unit == Unit.HOUR;
    }

    private Duration intradayLength() {
        return unit == Unit.MINUTE ? Duration.ofMinutes(amount) : Duration.ofHours(amount);
    }

    private Instant step(Instant barStart, int direction) {
        LocalDate day = barStart.atZone(NEW_YORK).toLocalDate();
        LocalDate stepped = switch (unit) {
            case WEEK -> day.plusWeeks(direction);
            case MONTH -> day.plusMonths((long) direction * amount);
            default -> day.plusDays(direction);
        };
        return stepped.atStartOfDay(NEW_YORK).toInstant();
    }
}
