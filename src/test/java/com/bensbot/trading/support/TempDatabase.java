package com.bensbot.trading.support;

import com.bensbot.trading.store.Database;
import com.bensbot.trading.store.DatabaseConfig;
import com.bensbot.trading.store.Migrations;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;

/** The service's store on an H2 file under {@code target/test-databases/}, pooled and migrated, without the app. */
public final class TempDatabase implements AutoCloseable {
    private final DatabaseConfig config;
    private final ManagedDataSource dataSource;
    private final Database database;

    private TempDatabase(DatabaseConfig config) {
        this.config = config;
        this.dataSource = Database.dataSourceFactory(config).build(new MetricRegistry(), "test");
        Migrations.migrate(dataSource);
        this.database = new Database(Jdbi.create(dataSource));
    }

    /** A new, empty, migrated database. */
    public static TempDatabase create() {
        return open(TestApps.tempDatabaseUrl());
    }

    /** The database at {@code url} (created and migrated when needed), e.g. to reopen one after a restart. */
    public static TempDatabase open(String url) {
        return new TempDatabase(config(url));
    }

    public static DatabaseConfig config(String url) {
        DatabaseConfig config = new DatabaseConfig();
        config.setUrl(url);
        return config;
    }

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    public DatabaseConfig config() {
        return config;
    }

    public String url() {
        return config.getUrl();
    }

    /** Closes the pool, and with it the H2 database, so that another process may open the file. */
    @Override
    public void close() throws Exception {
        dataSource.stop();
    }
}
