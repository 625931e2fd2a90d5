package com.bensbot.trading.trading;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;

/** The operator's halt, kept in the shared database so that every instance sees it and it survives restarts. */
public final class TradingHaltStore {
    private final Jdbi jdbi;

    public TradingHaltStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public TradingState.Snapshot load() {
        return jdbi.withHandle(handle -> handle
                .createQuery("SELECT halted, since, reason FROM trading_halt WHERE id = 1")
                .map((rs, ctx) -> new TradingState.Snapshot(rs.getBoolean("halted"),
                        rs.getString("since") == null ? null : Instant.parse(rs.getString("since")),
                        rs.getString("reason")))
                .one());
    }

    /** The stored halt, read on the handle of a transaction that must not let a new order past it. */
    static boolean isHalted(Handle handle) {
        return handle.createQuery("SELECT halted FROM trading_halt WHERE id = 1")
                .mapTo(Boolean.class)
                .findOne()
                .orElse(false);
    }

    public void save(TradingState.Snapshot snapshot) {
        jdbi.useHandle(handle -> handle
                .createUpdate("UPDATE trading_halt SET halted = :halted, since = :since, reason = :reason, "
                        + "updated_at = CURRENT_TIMESTAMP WHERE id = 1")
                .bind("halted", snapshot.halted())
                .bind("since", snapshot.since() == null ? null : snapshot.since().toString())
                .bind("reason", snapshot.reason())
                .execute());
    }
}
