package com.bensbot.trading.store;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/** Brings the schema up to date from {@code classpath:db/migration} (portable SQL: H2 and PostgreSQL). */
public final class Migrations {
    public static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Applies every pending migration; throws Flyway's exception when the database cannot be migrated. */
    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
