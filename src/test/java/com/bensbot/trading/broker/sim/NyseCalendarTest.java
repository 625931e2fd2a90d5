package com.bensbot.trading.broker.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NyseCalendarTest {

    private final NyseCalendar calendar = new NyseCalendar();

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-04-03", "2026-05-25", "2026-06-19",
        "2026-07-03", "2026-09-07", "2026-11-26", "2026-12-25", "2027-12-24", "2027-03-26", "2022-01-17",
    })
    void exchangeHolidaysAreClosed(String day) {
        assertThat(calendar.isTradingDay(LocalDate.parse(day))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27", "2026-12-24", "2026-07-02", "2021-12-31", "2027-12-31", "2021-06-18"})
    void ordinaryAndEarlyCloseDaysAreOpen(String day) {
        assertThat(calendar.isTradingDay(LocalDate.parse(day))).isTrue();
    }

    @Test
    void dayAfterThanksgivingClosesAt13() {
        assertThat(calendar.close(LocalDate.parse("2026-11-27")).toLocalTime()).hasToString("13:00");
        assertThat(calendar.close(LocalDate.parse("2026-11-25")).toLocalTime()).hasToString("16:00");
    }

    @Test
    void openDuringTheSessionOnly() {
        assertThat(calendar.isOpen(Instant.parse("2026-11-25T14:30:00Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-11-25T14:29:59Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-11-25T21:00:00Z"))).isFalse();
        assertThat(calendar.isOpen(Instant.parse("2026-11-27T17:59:00Z"))).isTrue();
        assertThat(calendar.isOpen(Instant.parse("2026-11-27T18:00:00Z"))).isFalse();
    }

    @Test
    void nextOpenAndCloseSkipWeekendsAndHolidays() {
        Instant fridayEvening = Instant.parse("2026-07-02T21:30:00Z");

        assertThat(calendar.nextOpen(fridayEvening)).isEqualTo(ZonedDateTime.parse("2026-07-06T09:30:00-04:00[America/New_York]"));
        assertThat(calendar.nextClose(fridayEvening)).isEqualTo(ZonedDateTime.parse("2026-07-06T16:00:00-04:00[America/New_York]"));
        Instant midSession = Instant.parse("2026-07-06T15:00:00Z");
        assertThat(calendar.nextOpen(midSession).toLocalDate()).isEqualTo(LocalDate.parse("2026-07-07"));
        assertThat(calendar.nextClose(midSession).toLocalDate()).isEqualTo(LocalDate.parse("2026-07-06"));
        assertThat(calendar.previousClose(midSession).toLocalDate()).isEqualTo(LocalDate.parse("2026-07-02"));
    }
}
