package com.bensbot.trading.audit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEntryTest {
    @Test
    void refusesDetailsKeysThatNameSecrets() {
        for (String key : List.of("token", "X-Admin-Token", "apiKey", "api_key", "secretKey", "password",
                "Authorization")) {
            assertThatThrownBy(() -> new AuditEntry("r", "c", "a", "o", Map.of(key, "x")))
                    .as(key).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names a secret");
        }
        assertThatThrownBy(() -> new AuditEntry("r", "c", "a", "o", Map.of("headers", List.of(Map.of("cookie", "x")))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditEntry("r", "c", "a", "o", Map.of("idempotencyKey", "k1", "reason", "wrong")).details())
                .containsEntry("reason", "wrong");
    }

    @Test
    void refusesTheFieldSeparatorAndBlankFields() {
        assertThatThrownBy(() -> new AuditEntry("r", "bot|x", "a", "o", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry("r", "c", "", "o", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditEntry(null, "c", "a", "o", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuditEntry("r", "c", "a", "o", null).details()).isEmpty();
    }
}
