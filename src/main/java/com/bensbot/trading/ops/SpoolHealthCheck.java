package com.bensbot.trading.ops;

import com.bensbot.trading.trading.OrderRecords;
import com.codahale.metrics.health.HealthCheck;

/** {@code spool}: unhealthy while order records wait in the local spool for the store to take them. */
public final class SpoolHealthCheck extends HealthCheck {
    private final OrderRecords records;

    public SpoolHealthCheck(OrderRecords records) {
        this.records = records;
    }

    @Override
    protected Result check() {
        int backlog = records.backlog();
        if (backlog == 0) {
            return Result.healthy("No order records wait for the store");
        }
        return Result.unhealthy(backlog + " order record(s) wait in " + records.directory()
                + " for the store; they are replayed as soon as it answers");
    }
}
