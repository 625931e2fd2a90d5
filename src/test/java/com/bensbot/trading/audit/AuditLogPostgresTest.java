package com.bensbot.trading.audit;

import com.bensbot.trading.store.Database;
import com.bensbot.trading.store.DatabaseConfig;
import com.bensbot.trading.store.Migrations;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two service instances (two pools) on one PostgreSQL append at once and still build one valid chain; the
 * migration and the read-only verifier work there too. Needs PostgreSQL: {@code TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code TEST_POSTGRES_USER} ({@code postgres}),
 * {@code TEST_POSTGRES_PASSWORD} (empty). Each run works in a schema of its own and drops it.
 */
@Tag("services")
class AuditLogPostgresTest {
    private static final String BASE_URL = env("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private final String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "");
    private final List<ManagedDataSource> pools = new ArrayList<>();
    private DatabaseConfig config;

    @BeforeEach
    void createSchema() throws SQLException {
        execute("CREATE SCHEMA " + schema);
        config = new DatabaseConfig();
        config.setUrl(BASE_URL + (BASE_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUser(env("TEST_POSTGRES_USER", "postgres"));
        config.setPassword(env("TEST_POSTGRES_PASSWORD", ""));
    }

    @AfterEach
    void dropSchema() throws Exception {
        for (ManagedDataSource pool : pools) {
            pool.stop();
        }
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void twoInstancesAppendingAtOnceBuildOneChain() throws Exception {
        AuditLog first = new AuditLog(instance(), Clock.systemUTC());
        AuditLog second = new AuditLog(instance(), Clock.systemUTC());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            AuditLog log = thread % 2 == 0 ? first : second;
            String requestId = "thread-" + thread;
            futures.add(threads.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    log.append(new AuditEntry(requestId, "10.0.0." + i, "test.append", "ok", Map.of("i", i)));
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        threads.shutdown();

        AuditVerification verdict = new AuditVerifier(Database.readOnlyJdbi(config)).verify();
        assertThat(verdict).isInstanceOf(AuditVerification.Intact.class);
        AuditVerification.Intact intact = (AuditVerification.Intact) verdict;
        assertThat(intact.records()).isEqualTo(400);
        assertThat(intact.head()).isEqualTo(AuditHead.of(first.head().orElseThrow()));
        assertThat(second.recent(1000, "0")).hasSize(400);
    }

    @Test
    void theVerifierCatchesAnEditAndNeverWrites() throws Exception {
        AuditLog log = new AuditLog(instance(), Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            log.append(new AuditEntry("req-" + i, "127.0.0.1", "test.append", "ok", Map.of("i", i)));
        }
        execute("UPDATE " + schema + ".audit_log SET outcome = 'failed' WHERE seq = 2");
        Jdbi readOnly = Database.readOnlyJdbi(config);

        AuditVerification verdict = new AuditVerifier(readOnly).verify();

        assertThat(verdict).isEqualTo(new AuditVerification.Broken(2, "hash mismatch: the record was edited"));
        boolean readOnlyConnection = readOnly.withHandle(handle -> handle.getConnection().isReadOnly());
        assertThat(readOnlyConnection).isTrue();
    }

    /** One instance's store: its own pool on the shared schema, migrated as at start-up. */
    private Database instance() {
        ManagedDataSource pool = Database.dataSourceFactory(config).build(new MetricRegistry(), "pg-" + pools.size());
        pools.add(pool);
        Migrations.migrate(pool);
        return new Database(Jdbi.create(pool));
    }

    private static void execute(String sql) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", env("TEST_POSTGRES_USER", "postgres"));
        properties.setProperty("password", env("TEST_POSTGRES_PASSWORD", ""));
        try (Connection connection = DriverManager.getConnection(BASE_URL, properties);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
