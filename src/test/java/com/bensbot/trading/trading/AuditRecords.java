package com.bensbot.trading.trading;

import com.bensbot.trading.support.Http;
import com.bensbot.trading.support.TestApps;
import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the newest audit records over HTTP, newest first. */
final class AuditRecords {
    private AuditRecords() {
    }

    static JsonNode fetch(Http http, int limit) {
        Http.Answer answer = http.get("/admin/audit?limit=" + limit, "X-Admin-Token", TestApps.ADMIN_TOKEN);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        return body.isArray() ? body : body.get("records");
    }
}
