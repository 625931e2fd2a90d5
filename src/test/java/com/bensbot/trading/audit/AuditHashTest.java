package com.bensbot.trading.audit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashTest {
    private static final String DETAILS = "{\"api\":\"all\",\"previousState\":\"OPEN\",\"state\":\"CLOSED\"}";

    @Test
    void matchesAVectorComputedWithSha256sum() {
        // Computed independently:
        // printf '%s' '1|2026-11-26T15:04:05.123456Z|req-1|127.0.0.1|breaker.reset|ok|<DETAILS>|<64 zeros>' | sha256sum
        String hash = AuditHash.of(1, "2026-11-26T15:04:05.123456Z", "req-1", "127.0.0.1", "breaker.reset", "ok",
                DETAILS, AuditHash.GENESIS);

        assertThat(hash).isEqualTo("eb7d9dfae8f0ed2866e63cdd97db3b74d53209457a31155fcf93498007171cc8");
    }

    @Test
    void chainsOnAndHashesUtf8() {
        String first = "eb7d9dfae8f0ed2866e63cdd97db3b74d53209457a31155fcf93498007171cc8";
        String details = CanonicalJson.write(Map.of("symbol", "AAPL", "qty", new BigDecimal("1.50"), "note",
                "café ✓"));

        String hash = AuditHash.of(2, "2026-11-26T15:04:06.000000Z", "req-2", "ops-bot", "order.submit", "accepted",
                details, first);

        assertThat(details).isEqualTo("{\"note\":\"café ✓\",\"qty\":\"1.50\",\"symbol\":\"AAPL\"}");
        assertThat(hash).isEqualTo("0d14dfaeec87c477508e7f509ca53fc6746e457d60e465407a773069c11fbaff");
    }

    @Test
    void everyFieldCounts() {
        String base = AuditHash.of(1, "t", "r", "c", "a", "o", "{}", AuditHash.GENESIS);

        assertThat(AuditHash.of(2, "t", "r", "c", "a", "o", "{}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "u", "r", "c", "a", "o", "{}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "t", "s", "c", "a", "o", "{}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "t", "r", "d", "a", "o", "{}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "t", "r", "c", "b", "o", "{}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "t", "r", "c", "a", "p", "{}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "t", "r", "c", "a", "o", "{\"x\":1}", AuditHash.GENESIS)).isNotEqualTo(base);
        assertThat(AuditHash.of(1, "t", "r", "c", "a", "o", "{}", "1".repeat(64))).isNotEqualTo(base);
        assertThat(base).matches("[0-9a-f]{64}");
        assertThat(AuditHash.GENESIS).hasSize(64).matches("0+");
    }

    @Test
    void timesAreUtcWithExactlySixFractionalDigits() {
        assertThat(AuditTime.format(Instant.parse("2026-11-26T15:04:05.123456789Z")))
                .isEqualTo("2026-11-26T15:04:05.123456Z");
        assertThat(AuditTime.format(Instant.parse("2026-11-26T15:04:05Z"))).isEqualTo("2026-11-26T15:04:05.000000Z");
        assertThat(AuditTime.formatCeiling(Instant.parse("2026-11-26T15:04:05.123456001Z")))
                .isEqualTo("2026-11-26T15:04:05.123457Z");
        assertThat(AuditTime.formatCeiling(Instant.parse("2026-11-26T15:04:05.123456Z")))
                .isEqualTo("2026-11-26T15:04:05.123456Z");
    }

    @Test
    void headsParseAndPrintAsSeqColonHash() {
        AuditHead head = AuditHead.parse("42:" + "AB".repeat(32));

        assertThat(head.seq()).isEqualTo(42);
        assertThat(head.toString()).isEqualTo("42:" + "ab".repeat(32));
        assertThat(AuditHead.GENESIS.toString()).isEqualTo("0:" + AuditHash.GENESIS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AuditHead.parse("42:abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
