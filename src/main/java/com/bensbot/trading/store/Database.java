package com.bensbot.trading.store;

import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.util.Duration;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Properties;

/**
 * The durable store: JDBI over H2 or PostgreSQL. {@link #open} builds the connection pool, migrates the schema
 * and registers the {@code database} health check; {@link #inTransaction} and {@link #withHandle} turn any
 * JDBI failure into {@link StorageUnavailableException}.
 */
public final class Database {
    public static final String HEALTH_CHECK = "database";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private final Jdbi jdbi;

    public Database(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * The service's store: pooled, migrated before it is returned (so before any port opens), closed with the
     * application, checked by the {@code database} health check.
     */
    public static Database open(DatabaseConfig config, Environment environment) {
        DataSourceFactory factory = dataSourceFactory(config);
        ManagedDataSource dataSource = factory.build(environment.metrics(), HEALTH_CHECK);
        try {
            Migrations.migrate(dataSource);
        } catch (FlywayException e) {
            throw new IllegalStateException("Cannot open and migrate the database " + config.redactedUrl() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("Using {} (schema up to date)", config.redactedUrl());
        return new Database(new JdbiFactory().build(environment, factory, dataSource, HEALTH_CHECK));
    }

    /** The pool settings for {@code config}: driver chosen by the URL, durable commits on H2. */
    public static DataSourceFactory dataSourceFactory(DatabaseConfig config) {
        DatabaseKind kind = DatabaseKind.of(config.getUrl());
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(kind.driverClass());
        factory.setUrl(config.getUrl());
        if (!config.getUser().isEmpty()) {
            factory.setUser(config.getUser());
        }
        if (!config.getPassword().isEmpty()) {
            factory.setPassword(config.getPassword());
        }
        factory.setProperties(kind.serviceProperties(config.getUrl()));
        factory.setMinSize(config.getMinPoolSize());
        factory.setInitialSize(config.getMinPoolSize());
        factory.setMaxSize(config.getMaxPoolSize());
        factory.setMaxWaitForConnection(Duration.seconds(5));
        // After a PostgreSQL restart pooled connections are dead; test them before use rather than fail a request.
        factory.setCheckConnectionOnBorrow(true);
        return factory;
    }

    /**
     * A store for reading only, without a pool or migrations: it never creates a database (H2 {@code IFEXISTS})
     * and opens it read-only. For the {@code audit-verify} command.
     */
    public static Jdbi readOnlyJdbi(DatabaseConfig config) {
        DatabaseKind kind = DatabaseKind.of(config.getUrl());
        Properties properties = new Properties();
        properties.putAll(kind.readOnlyProperties(config.getUrl()));
        if (!config.getUser().isEmpty()) {
            properties.setProperty("user", config.getUser());
        }
        if (!config.getPassword().isEmpty()) {
            properties.setProperty("password", config.getPassword());
        }
        return Jdbi.create(config.getUrl(), properties);
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** Runs {@code work} in one transaction; {@code purpose} completes "The durable store cannot …". */
    public <R> R inTransaction(String purpose, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.inTransaction(work);
        } catch (JdbiException e) {
            throw new StorageUnavailableException("The durable store cannot " + purpose, e);
        }
    }

    /** Runs {@code work} on one connection (auto-commit); failures as in {@link #inTransaction}. */
    public <R> R withHandle(String purpose, HandleCallback<R, RuntimeException> work) {
        try {
            return jdbi.withHandle(work);
        } catch (JdbiException e) {
            throw new StorageUnavailableException("The durable store cannot " + purpose, e);
        }
    }
}
