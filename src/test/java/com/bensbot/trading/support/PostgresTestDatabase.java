package com.bensbot.trading.support;

import com.bensbot.trading.store.DatabaseConfig;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A fresh PostgreSQL database {@code bensbot_it_<random>} for one test class, created through the server's
 * {@code test} database and dropped (with its connections) on close, so that runs never see each other's rows.
 * {@code TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code TEST_POSTGRES_USER}
 * ({@code postgres}), {@code TEST_POSTGRES_PASSWORD} (empty).
 */
public final class PostgresTestDatabase implements AutoCloseable {
    private static final String ADMIN_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = env("TEST_POSTGRES_USER", "postgres");
    private static final String PASSWORD = env("TEST_POSTGRES_PASSWORD", "");

    private final String name;
    private final String url;

    private PostgresTestDatabase(String name) {
        this.name = name;
        int slash = ADMIN_URL.lastIndexOf('/');
        int query = ADMIN_URL.indexOf('?', slash);
        this.url = ADMIN_URL.substring(0, slash + 1) + name + (query < 0 ? "" : ADMIN_URL.substring(query));
    }

    public static PostgresTestDatabase create() throws SQLException {
        PostgresTestDatabase database =
                new PostgresTestDatabase("bensbot_it_" + UUID.randomUUID().toString().replace("-", ""));
        execute("CREATE DATABASE " + database.name);
        return database;
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public DatabaseConfig config() {
        DatabaseConfig config = new DatabaseConfig();
        config.setUrl(url);
        config.setUser(USER);
        config.setPassword(PASSWORD);
        return config;
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void execute(String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
