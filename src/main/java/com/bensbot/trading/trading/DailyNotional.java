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
 * at the same time on one instance share a commit. The same transaction reads the operator's halt, so that once a
 * halt is stored no instance reserves for (and so sends) a new order, and records the reservation on the order's
 * idempotency row, so that it is given back exactly when the order is known never to have reached the broker.
 */
public final class DailyNotional {
    /** How a reservation ended. */
    public enum Result {
        RESERVED, OVER_CAP, HALTED, NOT_OWNER, NO_DAY
    }

    /** The order's idempotency row and the version its owner holds. */
    public record LedgerKey(String key, int version) {
    }

    private record Reservation(LocalDate day, BigDecimal amount, BigDecimal cap, LedgerKey ledgerKey) {
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
        return reserve(day, amount, cap, null) == Result.RESERVED;
    }

    /**
     * Adds {@code amount} to the day's total unless trading is halted, that would pass {@code cap}, or (with a
     * {@code ledgerKey}) the order's idempotency row has another owner by now; on success the reservation is
     * recorded on that row in the same transaction.
     */
    public Result reserve(LocalDate day, BigDecimal amount, BigDecimal cap, LedgerKey ledgerKey) {
        for (int round = 0; round < 2; round++) {
            ensureDay(day);
            Result result = reservations.commit(new Reservation(day, amount, cap, ledgerKey));
            if (result != Result.NO_DAY) {
                return result;
            }
            // The day's row went away (deleted by hand): create it again.
            knownDay.compareAndSet(day, null);
        }
        return Result.OVER_CAP;
    }

    /** Gives back a reservation whose order the broker did not accept. */
    public void release(LocalDate day, BigDecimal amount) {
        database.withHandle("release the order's daily notional", handle -> {
            giveBack(handle, new OrderPolicy.Reservation(day, amount));
            return null;
        });
    }

    /** Gives a reservation back on the handle of a transaction that also settles its order. */
    static void giveBack(Handle handle, OrderPolicy.Reservation reservation) {
        handle.createUpdate("UPDATE daily_notional SET notional = notional - :amount WHERE trading_day = :day")
                .bind("amount", reservation.value()).bind("day", reservation.day())
                .execute();
    }

    /** Whether an operator's halt is stored now (read from the store, not from this instance's memory). */
    public boolean haltedNow() {
        return database.withHandle("read the trading halt", TradingHaltStore::isHalted);
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
        boolean halted = TradingHaltStore.isHalted(handle);
        for (Reservation reservation : reservations) {
            if (halted) {
                results.add(Result.HALTED);
                continue;
            }
            int updated = handle.createUpdate("UPDATE daily_notional SET notional = notional + :amount "
                            + "WHERE trading_day = :day AND notional + :amount <= :cap")
                    .bind("amount", reservation.amount()).bind("day", reservation.day()).bind("cap", reservation.cap())
                    .execute();
            if (updated != 1) {
                results.add(exists(handle, reservation.day()) ? Result.OVER_CAP : Result.NO_DAY);
                continue;
            }
            OrderPolicy.Reservation made = new OrderPolicy.Reservation(reservation.day(), reservation.amount());
            LedgerKey ledgerKey = reservation.ledgerKey();
            if (ledgerKey != null
                    && IdempotencyStore.recordReservation(handle, ledgerKey.key(), ledgerKey.version(), made) != 1) {
                giveBack(handle, made);
                results.add(Result.NOT_OWNER);
                continue;
            }
            results.add(Result.RESERVED);
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
