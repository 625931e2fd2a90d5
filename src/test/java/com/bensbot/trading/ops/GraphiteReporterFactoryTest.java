package com.bensbot.trading.ops;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.ScheduledReporter;
import com.codahale.metrics.graphite.GraphiteReporter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.metrics.common.ReporterFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code metrics.reporters: - type: graphite}: discovered from the configuration, a no-op without a host. */
class GraphiteReporterFactoryTest {
    private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());

    private static GraphiteReporterFactory parse(String yaml) throws IOException {
        ReporterFactory factory = YAML.readValue(yaml, ReporterFactory.class);
        assertThat(factory).isInstanceOf(GraphiteReporterFactory.class);
        return (GraphiteReporterFactory) factory;
    }

    @Test
    void blankHostBuildsAReporterThatDoesNothing() throws IOException {
        GraphiteReporterFactory factory = parse("type: graphite\nhost: \"\"\nport: 2003\n");
        assertThat(factory.isEnabled()).isFalse();

        ScheduledReporter reporter = factory.build(new MetricRegistry());

        assertThat(reporter).isInstanceOf(GraphiteReporterFactory.DisabledReporter.class);
        reporter.start(10, TimeUnit.MILLISECONDS);
        reporter.report();
        reporter.stop();
    }

    @Test
    void withAHostItSendsPlaintextLines() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(10_000);
            GraphiteReporterFactory factory = parse("type: graphite\nhost: 127.0.0.1\nport: " + listener.getLocalPort()
                    + "\nprefix: gw\n");
            MetricRegistry registry = new MetricRegistry();
            registry.counter("bensbot.test.requests").inc(3);
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> readAll(listener));

            ScheduledReporter reporter = factory.build(registry);
            assertThat(reporter).isInstanceOf(GraphiteReporter.class);
            reporter.report();
            reporter.close();

            String lines = received.get(10, TimeUnit.SECONDS);
            assertThat(lines).containsPattern("(?m)^gw\\.bensbot\\.test\\.requests\\.count 3 \\d+$");
        }
    }

    private static String readAll(ServerSocket listener) {
        try (Socket socket = listener.accept(); InputStream in = socket.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
