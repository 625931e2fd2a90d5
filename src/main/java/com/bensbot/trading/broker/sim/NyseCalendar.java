package com.bensbot.trading.broker.sim;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * NYSE regular sessions (09:30–16:00 America/New_York), with the exchange's full-day holidays and
 * its 13:00 early closes (3 July, the day after Thanksgiving, 24 December).
 */
final class NyseCalendar {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static final LocalTime OPEN = LocalTime.of(9, 30);
    private static final LocalTime CLOSE = LocalTime.of(16, 0);
    private static final LocalTime EARLY_CLOSE = LocalTime.of(13, 0);
    private static final LocalTime PRE_MARKET_OPEN = LocalTime.of(4, 0);
    private static final LocalTime AFTER_HOURS_CLOSE = LocalTime.of(20, 0);
    private static final int FIRST_JUNETEENTH = 2022;

    private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

    boolean isTradingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != SATURDAY && day != SUNDAY && !holidays(date.getYear()).contains(date);
    }

    boolean isOpen(Instant instant) {
        LocalDate day = instant.atZone(NEW_YORK).toLocalDate();
        return isTradingDay(day)
                && !instant.isBefore(open(day).toInstant())
                && instant.isBefore(close(day).toInstant());
    }

    /** The first regular-session open strictly after {@code instant}. */
    ZonedDateTime nextOpen(Instant instant) {
        LocalDate day = instant.atZone(NEW_YORK).toLocalDate();
        if (isTradingDay(day) && instant.isBefore(open(day).toInstant())) {
            return open(day);
        }
        return open(nextTradingDay(day));
    }

    /** The close of the current session, or of the next one when none is under way. */
    ZonedDateTime nextClose(Instant instant) {
        LocalDate day = instant.atZone(NEW_YORK).toLocalDate();
        if (isTradingDay(day) && instant.isBefore(close(day).toInstant())) {
            return close(day);
        }
        return close(nextTradingDay(day));
    }

    /** The close of the last session that ended at or before {@code instant}. */
    ZonedDateTime previousClose(Instant instant) {
        LocalDate day = instant.atZone(NEW_YORK).toLocalDate();
        if (isTradingDay(day) && !instant.isBefore(close(day).toInstant())) {
            return close(day);
        }
        return close(previousTradingDay(day));
    }

    /** Whether {@code instant} falls in a trading day's extended hours (04:00–20:00), where intraday bars exist. */
    boolean isExtendedHours(Instant instant) {
        ZonedDateTime local = instant.atZone(NEW_YORK);
        LocalTime time = local.toLocalTime();
        return isTradingDay(local.toLocalDate())
                && !time.isBefore(PRE_MARKET_OPEN)
                && time.isBefore(AFTER_HOURS_CLOSE);
    }

    ZonedDateTime open(LocalDate day) {
        return day.atTime(OPEN).atZone(NEW_YORK);
    }

    ZonedDateTime close(LocalDate day) {
        return day.atTime(isEarlyClose(day) ? EARLY_CLOSE : CLOSE).atZone(NEW_YORK);
    }

    LocalDate nextTradingDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        while (!isTradingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    LocalDate previousTradingDay(LocalDate before) {
        LocalDate day = before.minusDays(1);
        while (!isTradingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private boolean isEarlyClose(LocalDate day) {
        LocalDate thanksgiving = thanksgiving(day.getYear());
        boolean weekdayBeforeHoliday = day.getDayOfWeek().getValue() <= THURSDAY.getValue();
        return day.equals(thanksgiving.plusDays(1))
                || (day.getMonth() == Month.JULY && day.getDayOfMonth() == 3 && weekdayBeforeHoliday)
                || (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 24 && weekdayBeforeHoliday);
    }

    private Set<LocalDate> holidays(int year) {
        return holidaysByYear.computeIfAbsent(year, NyseCalendar::computeHolidays);
    }

    private static Set<LocalDate> computeHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        LocalDate newYear = LocalDate.of(year, Month.JANUARY, 1);
        // NYSE does not close on 31 December when New Year's Day falls on a Saturday.
        if (newYear.getDayOfWeek() == SUNDAY) {
            days.add(newYear.plusDays(1));
        } else if (newYear.getDayOfWeek() != SATURDAY) {
            days.add(newYear);
        }
        days.add(nth(year, Month.JANUARY, 3, MONDAY));
        days.add(nth(year, Month.FEBRUARY, 3, MONDAY));
        days.add(easterSunday(year).minusDays(2));
        days.add(LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(MONDAY)));
        if (year >= FIRST_JUNETEENTH) {
            days.add(observed(LocalDate.of(year, Month.JUNE, 19)));
        }
        days.add(observed(LocalDate.of(year, Month.JULY, 4)));
        days.add(nth(year, Month.SEPTEMBER, 1, MONDAY));
        days.add(thanksgiving(year));
        days.add(observed(LocalDate.of(year, Month.DECEMBER, 25)));
        return Set.copyOf(days);
    }

    private static LocalDate thanksgiving(int year) {
        return nth(year, Month.NOVEMBER, 4, THURSDAY);
    }

    private static LocalDate nth(int year, Month month, int ordinal, DayOfWeek day) {
        return LocalDate.of(year, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, day));
    }

    /** A holiday on Saturday is observed the Friday before, on Sunday the Monday after. */
    private static LocalDate observed(LocalDate holiday) {
        return switch (holiday.getDayOfWeek()) {
            case SATURDAY -> holiday.minusDays(1);
            case SUNDAY -> holiday.plusDays(1);
            default -> holiday;
        };
    }

    /** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
    private static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
