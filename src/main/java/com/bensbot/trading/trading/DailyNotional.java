package com.bensbot.trading.trading;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The notional of orders accepted per trading day, in the shared database. A reservation is one conditional
 * UPDATE, so concurrent orders on any number of instances can never overshoot the cap together.
 */
public final class DailyNotional {
    private final Jdbi jdbi;

    public DailyNotional(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds {@code amount} to the day's total unless that would pass {@code cap}; false when it would. */
    public boolean reserve(LocalDate day, BigDecimal amount, BigDecimal cap) {
        for (int round = 0; round < 2; round++) {
            int updated = jdbi.withHandle(handle -> handle
                    .createUpdate("UPDATE daily_notional SET notional = notional + :amount "
                            + "WHERE trading_day = :day AND notional + :amount <= :cap")
                    .bind("amount", amount).bind("day", day).bind("cap", cap)
                    .execute());
            if (updated == 1) {
                return true;
            }
            if (exists(day)) {
                return false;
            }
            createDay(day);
        }
        return false;
    }

    /** Gives back a reservation whose order the broker did not accept. */
    public void release(LocalDate day, BigDecimal amount) {
        jdbi.useHandle(handle -> handle
                .createUpdate("UPDATE daily_notional SET notional = notional - :amount WHERE trading_day = :day")
                .bind("amount", amount).bind("day", day)
                .execute());
    }

    public BigDecimal total(LocalDate day) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT notional FROM daily_notional WHERE trading_day = :day")
                .bind("day", day)
                .mapTo(BigDecimal.class)
                .findOne()
                .orElse(BigDecimal.ZERO));
    }

    private boolean exists(LocalDate day) {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT COUNT(*) FROM daily_notional WHERE trading_day = :day")
                .bind("day", day)
                .mapTo(Integer.class)
                .one()) > 0;
    }

    private void createDay(LocalDate day) {
        try {
            jdbi.useHandle(handle -> handle
                    .createUpdate("INSERT INTO daily_notional (trading_day, notional) VALUES (:day, 0)")
                    .bind("day", day)
                    .execute());
        } catch (UnableToExecuteStatementException alreadyCreated) {
            // Another request or instance created the day's row first; the next round updates it.
            if (!exists(day)) {
                throw alreadyCreated;
            }
        }
    }
}
