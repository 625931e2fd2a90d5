package com.bensbot.trading.trading;

import com.bensbot.trading.store.Database;
import com.bensbot.trading.store.GroupCommit;
import com.bensbot.trading.store.StorageUnavailableException;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The notional of orders accepted per trading day, in the shared database. A reservation is one conditional
 * UPDATE, so concurrent orders on any number of instances can never overshoot the cap together; reservations made
 * at the same time on one instance share a commit.
 */
public final class DailyNotional {
    private enum Result {
        RESERVED, OVER_CAP, NO_DAY
    }

    private record Reservation(LocalDate day, BigDecimal amount, BigDecimal cap) {
    }

    private static final int MAX_GROUP = 256;

    private final Database database;
    private final GroupCommit<Reservation, Result> reservations;
    /** The last day whose row this instance knows exists. */
    private final AtomicReference<LocalDate> knownDay = new AtomicReference<>();

    public DailyNotional(Database database) {
        this.database = database;
        this.reservations = new GroupCommit<>(database, "reserve the order's daily notional", MAX_GROUP,
                DailyNotional::reserveAll);
    }

    /** Adds {@code amount} to the day's total unless that would pass {@code cap}; false when it would. */
    public boolean reserve(LocalDate day, BigDecimal amount, BigDecimal cap) {
        for (int round = 0; round < 2; round++) {
            ensureDay(day);
            Result result = reservations.commit(new Reservation(day, amount, cap));
            if (result != Result.NO_DAY) {
                return result == Result.RESERVED;
            }
            // The day's row went away (deleted by hand): create it again.
            knownDay.compareAndSet(day, null);
        }
        return false;
    }

    /** Gives back a reservation whose order the broker did not accept. */
    public void release(LocalDate day, BigDecimal amount) {
        database.withHandle("release the order's daily notional", handle -> handle
                .createUpdate("UPDATE daily_notional SET notional = notional - :amount WHERE trading_day = :day")
                .bind("amount", amount).bind("day", day)
                .execute());
    }

    public BigDecimal total(LocalDate day) {
        return database.withHandle("read the daily notional", handle -> handle
                .createQuery("SELECT notional FROM daily_notional WHERE trading_day = :day")
                .bind("day", day)
                .mapTo(BigDecimal.class)
                .findOne()
                .orElse(BigDecimal.ZERO));
    }

    /** In arrival order, so that of two orders the first to come gets the room left. */
    private static List<Result> reserveAll(Handle handle, List<Reservation> reservations) {
        List<Result> results = new ArrayList<>(reservations.size());
        for (Reservation reservation : reservations) {
            int updated = handle.createUpdate("UPDATE daily_notional SET notional = notional + :amount "
                            + "WHERE trading_day = :day AND notional + :amount <= :cap")
                    .bind("amount", reservation.amount()).bind("day", reservation.day()).bind("cap", reservation.cap())
                    .execute();
            if (updated == 1) {
                results.add(Result.RESERVED);
            } else {
                results.add(exists(handle, reservation.day()) ? Result.OVER_CAP : Result.NO_DAY);
            }
        }
        return results;
    }

    private void ensureDay(LocalDate day) {
        if (day.equals(knownDay.get())) {
            return;
        }
        boolean exists = database.withHandle("read the daily notional", handle -> exists(handle, day));
        if (!exists) {
            createDay(day);
        }
        knownDay.set(day);
    }

    private static boolean exists(Handle handle, LocalDate day) {
        return handle.createQuery("SELECT COUNT(*) FROM daily_notional WHERE trading_day = :day")
                .bind("day", day)
                .mapTo(Integer.class)
                .one() > 0;
    }

    private void createDay(LocalDate day) {
        try {
            database.withHandle("create the day's notional row", handle -> handle
                    .createUpdate("INSERT INTO daily_notional (trading_day, notional) VALUES (:day, 0)")
                    .bind("day", day)
                    .execute());
        } catch (StorageUnavailableException failed) {
            // Another request or instance may have created the day's row first: then all is well.
            if (!database.withHandle("read the daily notional", handle -> exists(handle, day))) {
                throw failed;
            }
        }
    }
}
