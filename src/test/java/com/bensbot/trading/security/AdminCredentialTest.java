package com.bensbot.trading.security;

import org.junit.jupiter.api.Test;

import static com.bensbot.trading.security.AdminCredential.Verdict.ACCEPTED;
import static com.bensbot.trading.security.AdminCredential.Verdict.MISSING;
import static com.bensbot.trading.security.AdminCredential.Verdict.WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminCredentialTest {
    private final AdminCredential credential = new AdminCredential("s3cret-token");

    @Test
    void acceptsEitherHeader() {
        assertThat(credential.check("s3cret-token", null)).isEqualTo(ACCEPTED);
        assertThat(credential.check(null, "Bearer s3cret-token")).isEqualTo(ACCEPTED);
        assertThat(credential.check(null, "bearer s3cret-token")).isEqualTo(ACCEPTED);
        assertThat(credential.check("s3cret-token", "Bearer s3cret-token")).isEqualTo(ACCEPTED);
    }

    @Test
    void missingOrNonBearerIsMissing() {
        assertThat(credential.check(null, null)).isEqualTo(MISSING);
        assertThat(credential.check("", null)).isEqualTo(MISSING);
        assertThat(credential.check(null, "Basic czNjcmV0LXRva2Vu")).isEqualTo(MISSING);
        assertThat(credential.check(null, "Bearer ")).isEqualTo(MISSING);
    }

    @Test
    void wrongOrConflictingIsWrong() {
        assertThat(credential.check("s3cret-tokeN", null)).isEqualTo(WRONG);
        assertThat(credential.check(null, "Bearer s3cret")).isEqualTo(WRONG);
        assertThat(credential.check("s3cret-token", "Bearer other")).isEqualTo(WRONG);
        assertThat(credential.check("other", "Bearer s3cret-token")).isEqualTo(WRONG);
    }

    @Test
    void generatedTokensAreLongAndDistinct() {
        String one = AdminCredential.generateToken();
        assertThat(one).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
        assertThat(AdminCredential.generateToken()).isNotEqualTo(one);
    }

    @Test
    void neverShowsTheToken() {
        assertThat(credential.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> new AdminCredential("")).isInstanceOf(IllegalArgumentException.class);
    }
}
