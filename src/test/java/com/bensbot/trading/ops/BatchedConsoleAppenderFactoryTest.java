package com.bensbot.trading.ops;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import com.bensbot.trading.TradingConfiguration;
import com.bensbot.trading.http.RequestIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.util.Duration;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code console-batched} log appender: what the shipped configurations use, and that lines handed to it from
 * many threads all arrive, in order per thread, with the request ID they were logged under, even when they
 * overflow its ring buffer.
 */
class BatchedConsoleAppenderFactoryTest {
    private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());

    @Test
    void theTypeNameBuildsTheFactoryWithItsLayout() throws Exception {
        AppenderFactory<?> factory = YAML.readValue("type: console-batched\nlayout:\n  type: text\n",
                AppenderFactory.class);

        assertThat(factory).isInstanceOf(BatchedConsoleAppenderFactory.class);
        assertThat(((BatchedConsoleAppenderFactory) factory).getLayout()).isInstanceOf(TextLayoutFactory.class);
    }

    @Test
    void shippedConfigsLogThroughIt() throws Exception {
        YamlConfigurationFactory<TradingConfiguration> parser = new YamlConfigurationFactory<>(
                TradingConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw");
        for (String file : List.of("config.yml", "config-production.yml")) {
            String yaml = Files.readString(Path.of(file)).replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1");
            TradingConfiguration config = parser.build(path -> new java.io.ByteArrayInputStream(yaml.getBytes()), file);

            List<AppenderFactory<ILoggingEvent>> appenders =
                    ((DefaultLoggingFactory) config.getLoggingFactory()).getAppenders();
            assertThat(appenders).as(file).singleElement().isInstanceOf(BatchedConsoleAppenderFactory.class);
        }
    }

    @Test
    void aMessageRateIsRefusedRatherThanIgnored() {
        BatchedConsoleAppenderFactory factory = new BatchedConsoleAppenderFactory();
        factory.setMessageRate(Duration.seconds(1));
        LoggerContext context = new LoggerContext();
        ListAppender<ILoggingEvent> sink = new ListAppender<>();

        assertThatThrownBy(() -> factory.wrapAsync(sink, null, context))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("messageRate");
    }

    @Test
    void everyLineArrivesInOrderPerThreadWithItsRequestIdWhenTheBufferOverflows() throws Exception {
        int threads = 8;
        int perThread = 3 * BatchedConsoleAppenderFactory.RING_BUFFER_SIZE / threads;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        ListAppender<ILoggingEvent> sink = new ListAppender<>();
        sink.setContext(context);
        sink.setName("sink");
        sink.start();
        Appender<ILoggingEvent> batched = new BatchedConsoleAppenderFactory().wrapAsync(sink, null, context);
        assertThat(batched).isInstanceOf(LoggingEventAsyncDisruptorAppender.class);
        assertThat(batched.isStarted()).isTrue();
        Logger logger = context.getLogger("test");
        logger.addAppender(batched);

        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String name = "w" + t;
            writers.add(pool.submit(() -> {
                context.getMDCAdapter().put(RequestIds.MDC_KEY, "req-" + name);
                start.await();
                for (int i = 0; i < perThread; i++) {
                    logger.warn("{} {}", name, i);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(); // rethrows a writer's failure
        }
        pool.shutdown();
        batched.stop(); // drains what is still in the buffer

        assertThat(sink.list).hasSize(threads * perThread);
        Map<String, Integer> next = new HashMap<>();
        for (ILoggingEvent event : sink.list) {
            String[] parts = event.getFormattedMessage().split(" ");
            int expected = next.getOrDefault(parts[0], 0);
            assertThat(Integer.parseInt(parts[1])).as("order of " + parts[0]).isEqualTo(expected);
            next.put(parts[0], expected + 1);
            assertThat(event.getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, "req-" + parts[0]);
        }
        assertThat(next).hasSize(threads).allSatisfy((name, count) -> assertThat(count).isEqualTo(perThread));
    }
}
