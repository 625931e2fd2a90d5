package com.bensbot.trading.bench;

import com.bensbot.trading.audit.AuditEntry;
import com.bensbot.trading.audit.AuditLog;
import com.bensbot.trading.audit.AuditRecord;
import com.bensbot.trading.store.Database;
import com.bensbot.trading.store.DatabaseConfig;
import com.bensbot.trading.store.Migrations;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One audit record appended and committed to an H2 file with the service's settings (WRITE_DELAY=0: committed
 * before append returns), through the pooled data source, the chain head's row lock and the hash.
 */
@State(Scope.Benchmark)
public class AuditAppendBench {
    /** Extra H2 settings appended to the URL, e.g. {@code -p h2Settings=;AUTO_COMPACT_FILL_RATE=0}, for A/B runs. */
    @Param({""})
    public String h2Settings;

    private Path directory;
    private ManagedDataSource dataSource;
    private AuditLog log;
    private AuditEntry entry;

    @Setup
    public void open() throws Exception {
        directory = Files.createTempDirectory("bensbot-jmh-audit");
        DatabaseConfig config = new DatabaseConfig();
        config.setUrl("jdbc:h2:file:" + directory.resolve("bench").toAbsolutePath() + h2Settings);
        dataSource = Database.dataSourceFactory(config).build(new MetricRegistry(), "bench");
        dataSource.start();
        Migrations.migrate(dataSource);
        log = new AuditLog(new Database(Jdbi.create(dataSource)), Clock.systemUTC());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("symbol", "AAPL");
        details.put("qty", "1");
        details.put("side", "buy");
        details.put("type", "limit");
        details.put("limit_price", "1.00");
        details.put("time_in_force", "ioc");
        details.put("clientOrderId", "gw-6f1c2f0e8f5a4c55a1c6c0e4d1b2a3f4");
        entry = new AuditEntry("4baa43fd71b9a3fc8f7bae2e41b05416", "127.0.0.1", "order.submit", "submitting",
                details);
    }

    @TearDown
    public void close() throws Exception {
        dataSource.stop();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public AuditRecord append() {
        return log.append(entry);
    }
}
