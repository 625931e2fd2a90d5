package com.bensbot.trading.audit;

import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit log in the running service: admin actions and refusals recorded, served on /admin/audit. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditIT {
    private static final DropwizardAppExtension<TradingConfiguration> APP = TestApps.onSimulator();
    private static final String TOKEN = "X-Admin-Token";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Http http;
    private Http admin;

    @BeforeEach
    void setUp() {
        http = Http.localhost(APP.getLocalPort());
        admin = Http.localhost(APP.getAdminPort());
    }

    @Test
    void refusedAdminCredentialsAreAuditedWithoutThePresentedValue() {
        String wrongMain = "presented-main-value-0123456789abcdef";
        String wrongTask = "presented-task-value-0123456789abcdef";

        assertThat(http.post("/live/reset-circuit-breaker", null, TOKEN, wrongMain, "X-Request-ID", "refused-1")
                .status()).isEqualTo(403);
        assertThat(http.post("/live/reset-circuit-breaker", null, "X-Request-ID", "refused-2").status())
                .isEqualTo(401);
        assertThat(admin.post("/tasks/reset-circuit-breaker", null, "Authorization", "Bearer " + wrongTask,
                "X-Request-ID", "refused-3").status()).isEqualTo(403);

        Http.Answer page = http.get("/admin/audit?limit=1000", TOKEN, TestApps.ADMIN_TOKEN);
        assertThat(page.body()).doesNotContain(wrongMain).doesNotContain(wrongTask)
                .doesNotContain(TestApps.ADMIN_TOKEN);
        JsonNode main = only(page, "refused-1");
        assertThat(main.get("action").asText()).isEqualTo("admin.auth");
        assertThat(main.get("outcome").asText()).isEqualTo("refused");
        assertThat(main.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(main.get("details").toString())
                .isEqualTo("{\"method\":\"POST\",\"reason\":\"wrong\",\"route\":\"/live/reset-circuit-breaker\"}");
        assertThat(only(page, "refused-2").get("details").get("reason").asText()).isEqualTo("missing");
        JsonNode task = only(page, "refused-3");
        assertThat(task.get("details").get("route").asText()).isEqualTo("/tasks/reset-circuit-breaker");
        assertThat(task.get("details").get("reason").asText()).isEqualTo("wrong");
    }

    @Test
    void breakerResetsAreAuditedOncePerCall() {
        assertThat(http.post("/live/reset-circuit-breaker?api=data", null, TOKEN, TestApps.ADMIN_TOKEN,
                "X-Request-ID", "reset-main").status()).isEqualTo(200);
        assertThat(admin.post("/tasks/reset-circuit-breaker", null, TOKEN, TestApps.ADMIN_TOKEN,
                "X-Request-ID", "reset-task").status()).isEqualTo(200);
        assertThat(admin.post("/tasks/reset-circuit-breaker?api=nope", null, TOKEN, TestApps.ADMIN_TOKEN,
                "X-Request-ID", "reset-bad").status()).isEqualTo(400);
        assertThat(admin.post("/tasks/sim-fault?mode=off", null, TOKEN, TestApps.ADMIN_TOKEN,
                "X-Request-ID", "fault-off").status()).isEqualTo(200);
        assertThat(admin.post("/tasks/log-level?logger=com.bensbot&level=INFO", null, TOKEN, TestApps.ADMIN_TOKEN,
                "X-Request-ID", "log-level").status()).isEqualTo(200);

        Http.Answer page = http.get("/admin/audit?limit=1000", TOKEN, TestApps.ADMIN_TOKEN);
        JsonNode main = only(page, "reset-main");
        assertThat(main.get("action").asText()).isEqualTo("breaker.reset");
        assertThat(main.get("outcome").asText()).isEqualTo("ok");
        assertThat(main.get("details").toString()).isEqualTo("{\"api\":\"data\",\"previousState\":\"CLOSED\","
                + "\"route\":\"/live/reset-circuit-breaker\",\"state\":\"CLOSED\"}");
        JsonNode task = only(page, "reset-task");
        assertThat(task.get("action").asText()).isEqualTo("breaker.reset");
        assertThat(task.get("details").get("route").asText()).isEqualTo("/tasks/reset-circuit-breaker");
        assertThat(task.get("details").get("api").asText()).isEqualTo("all");
        JsonNode bad = only(page, "reset-bad");
        assertThat(bad.get("outcome").asText()).isEqualTo("rejected");
        assertThat(bad.get("details").get("problem").asText()).isEqualTo("/problems/invalid-parameter");
        JsonNode fault = only(page, "fault-off");
        assertThat(fault.get("action").asText()).isEqualTo("task.sim-fault");
        assertThat(fault.get("details").get("mode").asText()).isEqualTo("off");
        JsonNode logLevel = only(page, "log-level");
        assertThat(logLevel.get("action").asText()).isEqualTo("task.log-level");
        assertThat(logLevel.get("details").toString()).isEqualTo("{\"level\":[\"INFO\"],\"logger\":[\"com.bensbot\"],"
                + "\"route\":\"/tasks/log-level\",\"status\":200}");
    }

    @Test
    void theAuditRouteNeedsTheCredentialAndValidParameters() {
        assertThat(http.get("/admin/audit").status()).isEqualTo(401);
        assertThat(http.get("/admin/audit", TOKEN, "not-the-token").status()).isEqualTo(403);
        for (String query : List.of("limit=0", "limit=1001", "limit=abc", "limit=-1", "since=yesterday",
                "since=2026-13-01T00:00:00Z")) {
            Http.Answer answer = http.get("/admin/audit?" + query, TOKEN, TestApps.ADMIN_TOKEN);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asText()).isEqualTo("/problems/invalid-parameter");
        }
        Http.Answer ok = http.get("/admin/audit?limit=1000", "Authorization", "Bearer " + TestApps.ADMIN_TOKEN);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Cache-Control")).contains("no-store");
    }

    @Test
    void pagesNewestFirstAndForwardFromSince() {
        for (int i = 0; i < 4; i++) {
            http.post("/live/reset-circuit-breaker", null);
        }

        JsonNode newest = http.get("/admin/audit?limit=2", TOKEN, TestApps.ADMIN_TOKEN).json();
        assertThat(newest.get("records")).hasSize(2);
        long top = newest.get("records").get(0).get("seq").asLong();
        assertThat(newest.get("records").get(1).get("seq").asLong()).isEqualTo(top - 1);
        assertThat(newest.get("head").asText())
                .isEqualTo(top + ":" + newest.get("records").get(0).get("hash").asText());

        JsonNode first = http.get("/admin/audit?limit=2&since=0", TOKEN, TestApps.ADMIN_TOKEN).json();
        assertThat(seqs(first)).containsExactly(2L, 1L);
        JsonNode next = http.get("/admin/audit?limit=2&since=2", TOKEN, TestApps.ADMIN_TOKEN).json();
        assertThat(seqs(next)).containsExactly(4L, 3L);
        String timeOfThree = next.get("records").get(1).get("time").asText();
        JsonNode byTime = http.get("/admin/audit?limit=1&since=" + timeOfThree, TOKEN, TestApps.ADMIN_TOKEN).json();
        assertThat(seqs(byTime)).containsExactly(3L);
    }

    @Test
    void theServedRecordsLetAnyoneRecomputeTheChain() throws Exception {
        http.post("/live/reset-circuit-breaker", null, TOKEN, TestApps.ADMIN_TOKEN);

        JsonNode records = http.get("/admin/audit?limit=1000", TOKEN, TestApps.ADMIN_TOKEN).json().get("records");
        List<JsonNode> ascending = new ArrayList<>();
        records.forEach(record -> ascending.add(0, record));
        String prev = AuditHash.GENESIS;
        long seq = 0;
        for (JsonNode record : ascending) {
            assertThat(record.get("seq").asLong()).isEqualTo(++seq);
            assertThat(record.get("prevHash").asText()).isEqualTo(prev);
            Map<String, Object> details = MAPPER.convertValue(record.get("details"), Map.class);
            String hash = AuditHash.of(seq, record.get("time").asText(), record.get("requestId").asText(),
                    record.get("client").asText(), record.get("action").asText(), record.get("outcome").asText(),
                    CanonicalJson.write(details), prev);
            assertThat(record.get("hash").asText()).isEqualTo(hash);
            prev = hash;
        }
        assertThat(seq).isPositive();
    }

    @Test
    void theDatabaseHealthCheckIsOnTheAdminPort() {
        JsonNode checks = admin.get("/healthcheck").json();

        assertThat(checks.get("database").get("healthy").asBoolean()).isTrue();
    }

    private static JsonNode only(Http.Answer page, String requestId) {
        List<JsonNode> matches = new ArrayList<>();
        page.json().get("records").forEach(record -> {
            if (record.get("requestId").asText().equals(requestId)) {
                matches.add(record);
            }
        });
        assertThat(matches).as("records of request " + requestId).hasSize(1);
        return matches.get(0);
    }

    private static List<Long> seqs(JsonNode page) {
        List<Long> seqs = new ArrayList<>();
        page.get("records").forEach(record -> seqs.add(record.get("seq").asLong()));
        return seqs;
    }
}
