package com.bensbot.trading.ratelimit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitMonitorTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(RateLimitMonitor.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final MetricRegistry registry = new MetricRegistry();
    private final RateLimitMonitor monitor = new RateLimitMonitor(registry, 3, 1000);
    private final GroupPolicy trading = new GroupPolicy(RateGroup.TRADING, 30, Duration.ofMinutes(1));

    @BeforeEach
    void attach() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(logs);
    }

    private List<String> alertLines() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void oneAlertPerClientAndWindowOnceOverTheThreshold() {
        for (int i = 0; i < 3; i++) {
            monitor.refused(trading, "203.0.113.7");
        }
        assertThat(alertLines()).isEmpty();

        for (int i = 0; i < 10; i++) {
            monitor.refused(trading, "203.0.113.7");
        }

        assertThat(alertLines()).containsExactly(
                "rate limit alert: client=203.0.113.7 group=trading refusals=4 window=60s");
        assertThat(monitor.alerts()).isEqualTo(1);
        assertThat(registry.counter("bensbot.ratelimit.alerts").getCount()).isEqualTo(1);
    }

    @Test
    void refusalsAreCountedPerGroupWithoutClients() {
        monitor.refused(trading, "a");
        monitor.refused(trading, "b");
        monitor.refused(new GroupPolicy(RateGroup.DATA, 5, Duration.ofMinutes(1)), "a");

        assertThat(monitor.refusalsByGroup()).containsExactly(
                java.util.Map.entry("trading", 2L), java.util.Map.entry("data", 1L),
                java.util.Map.entry("admin", 0L), java.util.Map.entry("default", 0L));
        assertThat(registry.getNames()).containsExactlyInAnyOrder("bensbot.ratelimit.alerts",
                "bensbot.ratelimit.refusals.trading", "bensbot.ratelimit.refusals.data",
                "bensbot.ratelimit.refusals.admin", "bensbot.ratelimit.refusals.default");
        assertThat(registry.counter("bensbot.ratelimit.refusals.trading").getCount()).isEqualTo(2);
    }

    @Test
    void aNewWindowMayAlertAgain() throws InterruptedException {
        GroupPolicy quick = new GroupPolicy(RateGroup.DEFAULT, 5, Duration.ofMillis(100));
        for (int i = 0; i < 5; i++) {
            monitor.refused(quick, "c");
        }
        Thread.sleep(150);
        for (int i = 0; i < 5; i++) {
            monitor.refused(quick, "c");
        }

        assertThat(alertLines()).hasSize(2);
    }

    @Test
    void controlCharactersInTheClientAreNeutralised() {
        for (int i = 0; i < 4; i++) {
            monitor.refused(trading, "key:evil\r\nrate limit alert: client=forged");
        }

        assertThat(alertLines()).singleElement().asString()
                .doesNotContain("\r").doesNotContain("\n")
                .contains("client=key:evil__rate limit alert: client=forged group=trading");
        assertThat(RateLimitMonitor.printable("10.0.0.1")).isEqualTo("10.0.0.1");
    }
}
