package com.bensbot.trading.audit;

import com.bensbot.trading.store.StorageUnavailableException;
import com.bensbot.trading.support.Caller;
import com.bensbot.trading.support.TempDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditLogTest {
    private static final Instant NOW = Instant.parse("2026-11-26T15:04:05.123456789Z");
    private TempDatabase db;
    private AuditLog log;

    @BeforeEach
    void setUp() {
        db = TempDatabase.create();
        log = new AuditLog(db.database(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void appendsRecordsThatChainFromTheGenesisHash() {
        AuditRecord first = log.append(entry("req-1", Map.of("api", "all", "qty", new BigDecimal("1.50"))));
        AuditRecord second = log.append(entry("req-2", Map.of()));

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.time()).isEqualTo("2026-11-26T15:04:05.123456Z");
        assertThat(first.prevHash()).isEqualTo(AuditHash.GENESIS);
        assertThat(first.details()).containsEntry("qty", "1.50").containsEntry("api", "all");
        assertThat(first.hash()).isEqualTo(AuditHash.of(1, first.time(), "req-1", "127.0.0.1", "breaker.reset", "ok",
                "{\"api\":\"all\",\"qty\":\"1.50\"}", AuditHash.GENESIS));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(log.head()).contains(second);
        assertThat(new AuditVerifier(db.jdbi()).verify())
                .isEqualTo(new AuditVerification.Intact(AuditHead.of(second), 2));
    }

    @Test
    void concurrentAppendsBuildOneGapFreeChain() throws Exception {
        AuditLog realTime = new AuditLog(db.database(), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            String requestId = "thread-" + thread;
            futures.add(pool.submit(() -> {
                List<Long> seqs = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    seqs.add(realTime.append(entry(requestId, Map.of("i", i))).seq());
                }
                return seqs;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).hasSize(400).doesNotHaveDuplicates().allMatch(seq -> seq >= 1 && seq <= 400);
        AuditVerification verdict = new AuditVerifier(db.jdbi()).verify();
        assertThat(verdict).isInstanceOf(AuditVerification.Intact.class);
        assertThat(((AuditVerification.Intact) verdict).head().seq()).isEqualTo(400);
        assertThat(((AuditVerification.Intact) verdict).records()).isEqualTo(400);
    }

    @Test
    void sixtyFourAppendsStartedTogetherEachGetTheirOwnRecordInOneChain() {
        int threads = 64;
        AuditLog realTime = new AuditLog(db.database(), Clock.systemUTC());
        CountDownLatch go = new CountDownLatch(1);
        List<Caller<AuditRecord>> callers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String requestId = "thread-" + i;
            int n = i;
            callers.add(Caller.startWhen(go, requestId, () -> realTime.append(entry(requestId, Map.of("n", n)))));
        }
        go.countDown();

        List<AuditRecord> returned = callers.stream().map(Caller::result).toList();
        for (int i = 0; i < threads; i++) {
            // Each caller is handed the record of its own entry, not one appended in the same commit.
            assertThat(returned.get(i).requestId()).isEqualTo("thread-" + i);
            assertThat(returned.get(i).details()).isEqualTo(Map.of("n", i));
        }
        List<AuditRecord> chain = new ArrayList<>(realTime.recent(AuditLog.MAX_LIMIT, "0"));
        Collections.reverse(chain);
        assertThat(seqs(chain)).containsExactlyElementsOf(LongStream.rangeClosed(1, threads).boxed().toList());
        assertThat(chain).containsExactlyInAnyOrderElementsOf(returned);
        assertThat(chain.get(0).prevHash()).isEqualTo(AuditHash.GENESIS);
        for (int i = 1; i < threads; i++) {
            assertThat(chain.get(i).prevHash()).as("prevHash of record %d", i + 1).isEqualTo(chain.get(i - 1).hash());
        }
        assertThat(realTime.head()).contains(chain.get(threads - 1));
        assertThat(new AuditVerifier(db.jdbi()).verify())
                .isEqualTo(new AuditVerification.Intact(AuditHead.of(chain.get(threads - 1)), threads));
    }

    @Test
    void recentIsNewestFirstAndPagesForwardWithSince() {
        for (int i = 1; i <= 5; i++) {
            log.append(entry("req-" + i, Map.of("i", i)));
        }

        assertThat(seqs(log.recent(2, null))).containsExactly(5L, 4L);
        assertThat(seqs(log.recent(100, ""))).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(seqs(log.recent(2, "0"))).containsExactly(2L, 1L);
        assertThat(seqs(log.recent(2, "2"))).containsExactly(4L, 3L);
        assertThat(seqs(log.recent(2, "5"))).isEmpty();
        assertThat(seqs(log.recent(10, "2026-11-26T15:04:05.123456Z"))).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(seqs(log.recent(10, "2026-11-26T16:04:05.1234561+01:00"))).isEmpty();
        assertThat(seqs(log.recent(10, "2026-11-26T10:04:05-05:00"))).hasSize(5);
        assertThatThrownBy(() -> log.recent(10, "yesterday")).hasMessageContaining("'since'");
        assertThatThrownBy(() -> log.recent(0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headIsEmptyUntilTheFirstAppend() {
        assertThat(log.head()).isEmpty();
        assertThat(log.recent(10, null)).isEmpty();
    }

    @Test
    void aStoreThatCannotWriteIsStorageUnavailable() {
        db.jdbi().useHandle(handle -> handle.execute("DROP TABLE audit_log"));

        assertThatThrownBy(() -> log.append(entry("req-1", Map.of())))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("cannot append an audit record");
        assertThatThrownBy(() -> log.recent(10, null)).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void appendOrLogSwallowsOnlyStorageFailures() {
        db.jdbi().useHandle(handle -> handle.execute("DROP TABLE audit_log"));

        log.appendOrLog(entry("req-1", Map.of()));
        assertThatThrownBy(() -> log.appendOrLog(entry("req-1", Map.of("price", 1.5))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AuditEntry entry(String requestId, Map<String, Object> details) {
        return new AuditEntry(requestId, "127.0.0.1", "breaker.reset", "ok", details);
    }

    private static List<Long> seqs(List<AuditRecord> records) {
        return records.stream().map(AuditRecord::seq).toList();
    }
}
