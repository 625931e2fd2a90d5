package com.bensbot.trading.trading;

import com.bensbot.trading.support.Caller;
import com.bensbot.trading.support.TempDatabase;
import com.bensbot.trading.support.TestApps;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-day notional on the service's migrated H2 schema ({@code daily_notional}). */
class DailyNotionalTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);
    private static final BigDecimal CAP = new BigDecimal("1000");
    private TempDatabase db;
    private DailyNotional notional;

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void reservesWithinTheCapAndTheTotalGrows() {
        open();

        assertThat(notional.total(DAY)).isEqualByComparingTo("0");
        assertThat(notional.reserve(DAY, new BigDecimal("250.50"), CAP)).isTrue();
        assertThat(notional.reserve(DAY, new BigDecimal("100"), CAP)).isTrue();

        assertThat(notional.total(DAY)).isEqualByComparingTo("350.50");
        assertThat(storedTotal(DAY)).isEqualByComparingTo("350.50");
    }

    @Test
    void refusesWhatWouldPassTheCapAndLeavesTheTotalAlone() {
        open();
        assertThat(notional.reserve(DAY, new BigDecimal("900"), CAP)).isTrue();

        assertThat(notional.reserve(DAY, new BigDecimal("100.000001"), CAP)).isFalse();
        assertThat(notional.total(DAY)).isEqualByComparingTo("900");
        assertThat(notional.reserve(DAY, new BigDecimal("5000"), CAP)).isFalse();
        assertThat(notional.total(DAY)).isEqualByComparingTo("900");
    }

    @Test
    void aFirstReservationOverTheCapIsRefused() {
        open();

        assertThat(notional.reserve(DAY, new BigDecimal("1000.01"), CAP)).isFalse();
        assertThat(notional.total(DAY)).isEqualByComparingTo("0");
    }

    @Test
    void exactlyReachingTheCapIsAllowed() {
        open();
        assertThat(notional.reserve(DAY, new BigDecimal("999.99"), CAP)).isTrue();

        assertThat(notional.reserve(DAY, new BigDecimal("0.01"), CAP)).isTrue();
        assertThat(notional.total(DAY)).isEqualByComparingTo("1000");
        assertThat(notional.reserve(DAY, new BigDecimal("0.000001"), CAP)).isFalse();
        assertThat(notional.total(DAY)).isEqualByComparingTo("1000");
    }

    @Test
    void aReleaseGivesTheRoomBack() {
        open();
        assertThat(notional.reserve(DAY, new BigDecimal("800"), CAP)).isTrue();
        assertThat(notional.reserve(DAY, new BigDecimal("300"), CAP)).isFalse();

        notional.release(DAY, new BigDecimal("800"));

        assertThat(notional.total(DAY)).isEqualByComparingTo("0");
        assertThat(notional.reserve(DAY, new BigDecimal("300"), CAP)).isTrue();
        assertThat(notional.total(DAY)).isEqualByComparingTo("300");
    }

    @Test
    void concurrentReservationsNeverOvershootTheCap() {
        open();
        BigDecimal cap = new BigDecimal("2000");
        CountDownLatch go = new CountDownLatch(1);
        List<Caller<Boolean>> callers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callers.add(Caller.startWhen(go, "order-" + i, () -> notional.reserve(DAY, new BigDecimal("100"), cap)));
        }
        go.countDown();

        long reserved = callers.stream().map(Caller::result).filter(Boolean::booleanValue).count();

        assertThat(reserved).isEqualTo(20);
        assertThat(notional.total(DAY)).isEqualByComparingTo("2000");
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void aNewDayStartsFromZero() {
        open();
        LocalDate nextDay = DAY.plusDays(1);
        assertThat(notional.reserve(DAY, new BigDecimal("1000"), CAP)).isTrue();

        assertThat(notional.total(nextDay)).isEqualByComparingTo("0");
        assertThat(notional.reserve(nextDay, new BigDecimal("1000"), CAP)).isTrue();
        assertThat(notional.reserve(nextDay, new BigDecimal("1"), CAP)).isFalse();

        assertThat(notional.total(DAY)).isEqualByComparingTo("1000");
        assertThat(notional.total(nextDay)).isEqualByComparingTo("1000");
        // Back to the first day (the instance last knew the next day's row): still full.
        assertThat(notional.reserve(DAY, new BigDecimal("1"), CAP)).isFalse();
        assertThat(rowCount()).isEqualTo(2);
    }

    @Test
    void aDayRowDeletedByHandIsCreatedAgain() {
        open();
        assertThat(notional.reserve(DAY, new BigDecimal("600"), CAP)).isTrue();
        db.jdbi().useHandle(handle -> handle.execute("DELETE FROM daily_notional"));

        assertThat(notional.reserve(DAY, new BigDecimal("700"), CAP)).isTrue();

        assertThat(notional.total(DAY)).isEqualByComparingTo("700");
        assertThat(notional.reserve(DAY, new BigDecimal("400"), CAP)).isFalse();
        assertThat(notional.total(DAY)).isEqualByComparingTo("700");
    }

    @Test
    void reservationsThatShareACommitGetTheRoomInArrivalOrder() {
        // A long lock timeout, so that the reservation held up on the row lock below waits as long as needed.
        open(TestApps.tempDatabaseUrl() + ";LOCK_TIMEOUT=120000");
        assertThat(notional.reserve(DAY, new BigDecimal("100"), CAP)).isTrue();

        Caller<Boolean> blocked;
        Caller<Boolean> large;
        Caller<Boolean> small;
        try (Handle rowLock = db.jdbi().open()) {
            // Another transaction holds the day's row: the next reservation's group waits on it inside its UPDATE.
            rowLock.begin();
            rowLock.createQuery("SELECT notional FROM daily_notional WHERE trading_day = :day FOR UPDATE")
                    .bind("day", DAY).mapTo(BigDecimal.class).one();
            blocked = Caller.start("blocked", () -> notional.reserve(DAY, new BigDecimal("100"), CAP)).awaitBlocked();
            // These two queue behind it, in this order, and go together in the next group.
            large = Caller.start("large", () -> notional.reserve(DAY, new BigDecimal("800"), CAP)).awaitBlocked();
            small = Caller.start("small", () -> notional.reserve(DAY, new BigDecimal("100"), CAP)).awaitBlocked();
            rowLock.rollback();
        }

        assertThat(blocked.result()).isTrue();
        // 100 + 100 + 800 = 1000 fits, exactly; the later 100 no longer does (had it gone first, 800 would not).
        assertThat(large.result()).isTrue();
        assertThat(small.result()).isFalse();
        assertThat(notional.total(DAY)).isEqualByComparingTo("1000");
    }

    private void open() {
        open(TestApps.tempDatabaseUrl());
    }

    private void open(String url) {
        db = TempDatabase.open(url);
        notional = new DailyNotional(db.database());
    }

    private BigDecimal storedTotal(LocalDate day) {
        return db.jdbi().withHandle(handle -> handle
                .createQuery("SELECT notional FROM daily_notional WHERE trading_day = :day")
                .bind("day", day).mapTo(BigDecimal.class).one());
    }

    private int rowCount() {
        return db.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM daily_notional")
                .mapTo(Integer.class).one());
    }
}
