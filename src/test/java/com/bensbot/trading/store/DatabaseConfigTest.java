package com.bensbot.trading.store;

import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseConfigTest {
    private final Validator validator = Validators.newValidator();

    @Test
    void neverShowsThePassword() {
        DatabaseConfig config = new DatabaseConfig();
        config.setUrl("jdbc:postgresql://db:5432/gw?user=gw&password=url-secret&ssl=true");
        config.setUser("gw");
        config.setPassword("config-secret");

        assertThat(config.toString()).doesNotContain("url-secret").doesNotContain("config-secret")
                .contains("password=<redacted>").contains("ssl=true");
        assertThat(config.redactedUrl()).isEqualTo("jdbc:postgresql://db:5432/gw?user=gw&password=<redacted>&ssl=true");
    }

    @Test
    void defaultsToAnH2FileUnderData() {
        DatabaseConfig config = new DatabaseConfig();

        assertThat(config.getUrl()).isEqualTo("jdbc:h2:file:./data/bensbot");
        assertThat(validator.validate(config)).isEmpty();
        DataSourceFactory factory = Database.dataSourceFactory(config);
        assertThat(factory.getDriverClass()).isEqualTo("org.h2.Driver");
        assertThat(factory.getProperties()).containsEntry("WRITE_DELAY", "0");
        assertThat(factory.getMaxSize()).isEqualTo(16);
        assertThat(factory.getUser()).isNull();
    }

    @Test
    void choosesTheDriverFromTheUrlAndRefusesOthers() {
        DatabaseConfig config = new DatabaseConfig();
        config.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        assertThat(Database.dataSourceFactory(config).getDriverClass()).isEqualTo("org.postgresql.Driver");

        config.setUrl("jdbc:mysql://127.0.0.1/test");
        assertThat(validator.validate(config)).extracting(v -> v.getMessage())
                .containsExactly("must start with jdbc:h2: or jdbc:postgresql:");
        assertThatThrownBy(() -> Database.dataSourceFactory(config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
    }

    @Test
    void refusesAMinimumPoolAboveTheMaximum() {
        DatabaseConfig config = new DatabaseConfig();
        config.setMinPoolSize(20);

        assertThat(validator.validate(config)).extracting(v -> v.getMessage())
                .containsExactly("minPoolSize must not be larger than maxPoolSize");
    }
}
