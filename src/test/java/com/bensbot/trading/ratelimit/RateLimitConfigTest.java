package com.bensbot.trading.ratelimit;

import com.bensbot.trading.TradingConfiguration;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitConfigTest {
    private final YamlConfigurationFactory<TradingConfiguration> factory = new YamlConfigurationFactory<>(
            TradingConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");

    private TradingConfiguration parse(String yaml) throws Exception {
        return factory.build(path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }

    @Test
    void defaultsAreTheContractsTable() throws Exception {
        RateLimitConfig config = parse("environment: development\n").getRateLimit();

        assertThat(config.isEnabled()).isTrue();
        assertThat(config.getGroups().of(RateGroup.TRADING).getLimit()).isEqualTo(30);
        assertThat(config.getGroups().of(RateGroup.DATA).getLimit()).isEqualTo(300);
        assertThat(config.getGroups().of(RateGroup.ADMIN).getLimit()).isEqualTo(10);
        assertThat(config.getGroups().of(RateGroup.DEFAULT).getLimit()).isEqualTo(600);
        assertThat(config.getGroups().of(RateGroup.DEFAULT).getWindow().toSeconds()).isEqualTo(60);
        assertThat(config.getTrustedProxies()).isEmpty();
        assertThat(config.getAlertThreshold()).isEqualTo(20);
    }

    @Test
    void aPartlySetGroupKeepsItsOwnDefaults() throws Exception {
        RateLimitConfig config = parse("""
                rateLimit:
                  groups:
                    trading:
                      window: 2m
                    default:
                      limit: 5
                """).getRateLimit();

        assertThat(config.getGroups().of(RateGroup.TRADING).getLimit()).isEqualTo(30);
        assertThat(config.getGroups().of(RateGroup.TRADING).getWindow().toMinutes()).isEqualTo(2);
        assertThat(config.getGroups().of(RateGroup.DEFAULT).getLimit()).isEqualTo(5);
        assertThat(config.getGroups().of(RateGroup.DATA).getLimit()).isEqualTo(300);
    }

    @Test
    void trustedProxiesMustBeCidrBlocks() throws Exception {
        assertThat(parse("rateLimit:\n  trustedProxies: [10.0.0.0/8, \"fd00::/8\", 127.0.0.1]\n")
                .getRateLimit().getTrustedProxies()).hasSize(3);
        assertThatThrownBy(() -> parse("rateLimit:\n  trustedProxies: [10.0.0.0/33]\n"))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("trustedProxies");
    }

    @Test
    void zeroLimitsAndSubSecondWindowsAreRefused() {
        assertThatThrownBy(() -> parse("rateLimit:\n  groups:\n    data:\n      limit: 0\n"))
                .isInstanceOf(ConfigurationValidationException.class);
        assertThatThrownBy(() -> parse("rateLimit:\n  groups:\n    data:\n      window: 10ms\n"))
                .isInstanceOf(ConfigurationValidationException.class);
    }

    @Test
    void shippedConfigsShowTheDefaults() throws Exception {
        for (String file : new String[]{"config.yml", "config-production.yml"}) {
            String yaml = java.nio.file.Files.readString(java.nio.file.Path.of(file))
                    .replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
            TradingConfiguration config = parse(yaml);
            assertThat(config.getRateLimit().getGroups().of(RateGroup.ADMIN).getLimit()).as(file).isEqualTo(10);
            assertThat(config.getAlpaca().getQuota().getData().getLimit()).as(file).isEqualTo(200);
            assertThat(config.getAlpaca().getQuota().getInstances()).as(file).isEqualTo(2);
        }
    }
}
