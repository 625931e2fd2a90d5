package com.bensbot.trading.store;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The databases the store runs on, told apart by the JDBC URL, and the driver settings each needs. */
public enum DatabaseKind {
    H2("jdbc:h2:", "org.h2.Driver") {
        @Override
        Map<String, String> serviceSettings() {
            Map<String, String> settings = new LinkedHashMap<>();
            // H2 flushes commits in the background every 500 ms by default: a crash would lose the newest ones.
            settings.put("WRITE_DELAY", "0");
            // Audit appends queue on one row lock; H2's one-second default is too short under a burst.
            settings.put("LOCK_TIMEOUT", "10000");
            // The connection pool closes the database at shutdown; H2's own shutdown hook would close it earlier.
            settings.put("DB_CLOSE_ON_EXIT", "FALSE");
            return settings;
        }

        @Override
        Map<String, String> readOnlySettings() {
            return Map.of("IFEXISTS", "TRUE", "ACCESS_MODE_DATA", "r");
        }
    },
    POSTGRESQL("jdbc:postgresql:", "org.postgresql.Driver") {
        @Override
        Map<String, String> serviceSettings() {
            return Map.of();
        }

        @Override
        Map<String, String> readOnlySettings() {
            return Map.of("readOnly", "true");
        }
    };

    private final String prefix;
    private final String driverClass;

    DatabaseKind(String prefix, String driverClass) {
        this.prefix = prefix;
        this.driverClass = driverClass;
    }

    /** The kind named by a JDBC URL; anything but H2 and PostgreSQL is refused. */
    public static DatabaseKind of(String url) {
        for (DatabaseKind kind : values()) {
            if (url != null && url.startsWith(kind.prefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("database.url must start with jdbc:h2: or jdbc:postgresql:");
    }

    public String driverClass() {
        return driverClass;
    }

    /** Connection settings for the service itself, leaving out any the URL already names (the URL wins). */
    public Map<String, String> serviceProperties(String url) {
        return withoutThoseIn(url, serviceSettings());
    }

    /** Connection settings for a reader that must neither create a database nor change one. */
    public Map<String, String> readOnlyProperties(String url) {
        return withoutThoseIn(url, readOnlySettings());
    }

    abstract Map<String, String> serviceSettings();

    abstract Map<String, String> readOnlySettings();

    private static Map<String, String> withoutThoseIn(String url, Map<String, String> settings) {
        String upper = url.toUpperCase(Locale.ROOT);
        Map<String, String> kept = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            String key = name.toUpperCase(Locale.ROOT) + "=";
            if (!upper.contains(";" + key) && !upper.contains("?" + key) && !upper.contains("&" + key)) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
