package com.bensbot.trading.audit;

import com.bensbot.trading.TradingApplication;
import com.bensbot.trading.support.ChildJvm;
import com.bensbot.trading.support.TempDatabase;
import com.bensbot.trading.support.TestApps;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;

import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real {@code audit-verify} command in its own JVM: output and exit codes 0, 1 and 2. */
class AuditVerifyCommandTest {
    private static final String CONFIG = ResourceHelpers.resourceFilePath("test-config.yml");

    @Test
    void exitsZeroWithTheHeadThenOneAfterTampering() throws Exception {
        String url = TestApps.tempDatabaseUrl();
        AuditRecord head;
        try (TempDatabase db = TempDatabase.open(url)) {
            AuditLog log = new AuditLog(db.database(), Clock.systemUTC());
            log.append(new AuditEntry("req-1", "127.0.0.1", "breaker.reset", "ok", Map.of("api", "all")));
            head = log.append(new AuditEntry("req-2", "127.0.0.1", "breaker.reset", "ok", Map.of("api", "data")));
        }

        ChildJvm.Result intact = verify(url, "--expect-head", AuditHead.of(head).toString());
        assertThat(intact.exitCode()).as(intact.stderr()).isZero();
        assertThat(intact.stdout()).contains(AuditHead.of(head).toString());

        try (TempDatabase db = TempDatabase.open(url)) {
            db.jdbi().useHandle(handle -> handle.execute("UPDATE audit_log SET client = '10.0.0.9' WHERE seq = 1"));
        }
        ChildJvm.Result broken = verify(url);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.stdout()).contains("Audit log broken at record 1: hash mismatch: the record was edited");
    }

    @Test
    void exitsTwoWhenItCannotRead() throws Exception {
        String empty = TestApps.tempDatabaseUrl();
        DriverManager.getConnection(empty).close();
        ChildJvm.Result noTables = verify(empty);
        assertThat(noTables.exitCode()).isEqualTo(2);
        assertThat(noTables.stderr()).contains("Cannot read the audit log").containsIgnoringCase("AUDIT_HEAD");

        ChildJvm.Result badUrl = verify("jdbc:mysql://localhost/x");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.stderr()).contains("database.url must start with jdbc:h2: or jdbc:postgresql:");
    }

    private static ChildJvm.Result verify(String url, String... extra) throws Exception {
        String[] arguments = new String[2 + extra.length];
        arguments[0] = "audit-verify";
        arguments[1] = CONFIG;
        System.arraycopy(extra, 0, arguments, 2, extra.length);
        return ChildJvm.run(List.of("-Ddw.database.url=" + url), TradingApplication.class.getName(), arguments);
    }
}
