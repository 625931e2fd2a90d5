package com.bensbot.trading.audit;

import com.bensbot.trading.store.Database;
import com.bensbot.trading.support.TempDatabase;
import com.bensbot.trading.support.TestApps;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierTest {
    private TempDatabase db;
    private AuditLog log;
    private AuditVerifier verifier;

    @BeforeEach
    void setUp() {
        db = TempDatabase.create();
        log = new AuditLog(db.database(), Clock.systemUTC());
        verifier = new AuditVerifier(db.jdbi());
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void anIntactChainReportsItsHead() {
        AuditRecord newest = appendFive().get(4);

        assertThat(verifier.verify()).isEqualTo(new AuditVerification.Intact(AuditHead.of(newest), 5));
        assertThat(verifier.verify(AuditHead.of(newest)).exitCode()).isZero();
        assertBroken(verifier.verify(new AuditHead(3, "f".repeat(64))), 3, "the chain was rewritten");
    }

    @Test
    void anEmptyLogIsIntactAtTheGenesisHead() {
        assertThat(verifier.verify()).isEqualTo(new AuditVerification.Intact(AuditHead.GENESIS, 0));
        assertThat(verifier.verify(AuditHead.GENESIS).message()).isEqualTo("0:" + AuditHash.GENESIS);
    }

    @Test
    void catchesAnEditedRecord() {
        appendFive();
        sql("UPDATE audit_log SET details = '{\"i\":99}' WHERE seq = 3");

        assertBroken(verifier.verify(), 3, "hash mismatch: the record was edited");
    }

    @Test
    void catchesADeletedMiddleRecord() {
        appendFive();
        sql("DELETE FROM audit_log WHERE seq = 3");

        assertBroken(verifier.verify(), 3, "records were deleted");
    }

    @Test
    void catchesADeletedNewestRecord() {
        AuditRecord newest = appendFive().get(4);
        sql("DELETE FROM audit_log WHERE seq = 5");

        assertBroken(verifier.verify(), 5, "audit_head is 5:");
        assertBroken(verifier.verify(AuditHead.of(newest)), 5, "the newest records were removed");
    }

    @Test
    void theExpectedHeadCatchesRemovalsThatAlsoRewroteAuditHead() {
        List<AuditRecord> records = appendFive();
        sql("DELETE FROM audit_log WHERE seq = 5");
        sql("UPDATE audit_head SET seq = 4, hash = '" + records.get(3).hash() + "' WHERE id = 1");

        assertThat(verifier.verify()).isEqualTo(new AuditVerification.Intact(AuditHead.of(records.get(3)), 4));
        assertBroken(verifier.verify(AuditHead.of(records.get(4))), 5,
                "the chain ends at record 4 but the expected head is 5:");
    }

    @Test
    void catchesReorderedRecords() {
        appendFive();
        db.jdbi().useHandle(handle -> {
            Map<String, Object> two = row(handle, 2);
            Map<String, Object> three = row(handle, 3);
            overwrite(handle, 2, three);
            overwrite(handle, 3, two);
        });

        assertBroken(verifier.verify(), 2, "prev_hash does not match the hash of record 1");
    }

    @Test
    void theExpectedHeadCatchesAConsistentlyRewrittenChain() {
        List<AuditRecord> records = appendFive();
        db.jdbi().useHandle(handle -> {
            handle.execute("DELETE FROM audit_log WHERE seq >= 3");
            handle.execute("UPDATE audit_head SET seq = 2, hash = ? WHERE id = 1", records.get(1).hash());
        });
        for (int i = 3; i <= 5; i++) {
            log.append(new AuditEntry("forged-" + i, "127.0.0.1", "order.submit", "ok", Map.of()));
        }

        assertThat(verifier.verify().exitCode()).isZero();
        assertBroken(verifier.verify(AuditHead.of(records.get(4))), 5, "the chain was rewritten");
    }

    @Test
    void catchesAnInsertedFirstRecord() {
        appendFive();
        sql("INSERT INTO audit_log (seq, recorded_at, request_id, client, action, outcome, details, prev_hash, hash) "
                + "VALUES (0, 'x', 'r', 'c', 'a', 'o', '{}', '" + AuditHash.GENESIS + "', '"
                + AuditHash.GENESIS + "')");

        assertBroken(verifier.verify(), 0, "a record was inserted");
    }

    @Test
    void aMissingDatabaseIsUnreadableAndNotCreated() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "no-db-");
        AuditVerification verdict = new AuditVerifier(
                Database.readOnlyJdbi(TempDatabase.config("jdbc:h2:file:" + dir.toAbsolutePath() + "/db"))).verify();

        assertThat(verdict).isInstanceOf(AuditVerification.Unreadable.class);
        assertThat(verdict.exitCode()).isEqualTo(2);
        assertThat(verdict.message()).contains("not found");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aDatabaseWithoutTheAuditTablesIsUnreadable() throws Exception {
        String url = TestApps.tempDatabaseUrl();
        DriverManager.getConnection(url).close();

        AuditVerification verdict = new AuditVerifier(Database.readOnlyJdbi(TempDatabase.config(url))).verify();

        assertThat(verdict).isInstanceOf(AuditVerification.Unreadable.class);
        assertThat(verdict.message()).containsIgnoringCase("AUDIT_HEAD");
    }

    private List<AuditRecord> appendFive() {
        return java.util.stream.IntStream.rangeClosed(1, 5)
                .mapToObj(i -> log.append(new AuditEntry("req-" + i, "127.0.0.1", "breaker.reset", "ok",
                        Map.of("i", i))))
                .toList();
    }

    private void sql(String statement) {
        db.jdbi().useHandle(handle -> handle.execute(statement));
    }

    private static Map<String, Object> row(Handle handle, long seq) {
        return handle.createQuery("SELECT recorded_at, request_id, client, action, outcome, details, prev_hash, hash "
                        + "FROM audit_log WHERE seq = :seq")
                .bind("seq", seq).mapToMap().one();
    }

    private static void overwrite(Handle handle, long seq, Map<String, Object> row) {
        handle.createUpdate("UPDATE audit_log SET recorded_at = :recorded_at, request_id = :request_id, "
                        + "client = :client, action = :action, outcome = :outcome, details = :details, "
                        + "prev_hash = :prev_hash, hash = :hash WHERE seq = :seq")
                .bindMap(row).bind("seq", seq).execute();
    }

    private static void assertBroken(AuditVerification verdict, long seq, String reason) {
        assertThat(verdict).isInstanceOf(AuditVerification.Broken.class);
        AuditVerification.Broken broken = (AuditVerification.Broken) verdict;
        assertThat(broken.seq()).as(broken.message()).isEqualTo(seq);
        assertThat(broken.reason()).contains(reason);
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.message()).startsWith("Audit log broken at record " + seq + ": ");
    }
}
