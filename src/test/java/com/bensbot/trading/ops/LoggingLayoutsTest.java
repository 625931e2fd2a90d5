package com.bensbot.trading.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code LOG_FORMAT} switches the console layout's type: {@code text} and {@code json} from one config block. */
class LoggingLayoutsTest {
    private static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String appenderYaml(String type) {
        return "type: console\n"
                + "layout:\n"
                + "  type: " + type + "\n"
                + "  flattenMdc: true\n"
                + "  timestampFormat: \"yyyy-MM-dd'T'HH:mm:ss.SSSXXX\"\n";
    }

    @SuppressWarnings("unchecked")
    private static DiscoverableLayoutFactory<ILoggingEvent> layoutFactory(String type) throws Exception {
        AppenderFactory<ILoggingEvent> appender = YAML.readValue(appenderYaml(type), AppenderFactory.class);
        assertThat(appender).isInstanceOf(ConsoleAppenderFactory.class);
        return (DiscoverableLayoutFactory<ILoggingEvent>) ((ConsoleAppenderFactory<ILoggingEvent>) appender).getLayout();
    }

    private static String render(DiscoverableLayoutFactory<ILoggingEvent> factory) {
        LoggerContext context = new LoggerContext();
        LayoutBase<ILoggingEvent> layout = factory.build(context, TimeZone.getTimeZone("UTC"));
        layout.setContext(context);
        layout.start();
        LoggingEvent event = new LoggingEvent(LoggingLayoutsTest.class.getName(),
                context.getLogger("com.bensbot.trading.Example"), Level.WARN, "Slow request: {}", null,
                new Object[]{"GET /live/quote/{symbol}"});
        event.setMDCPropertyMap(Map.of("requestId", "req-123"));
        return layout.doLayout(event);
    }

    @Test
    void textLayoutIsOneLineWithTheRequestIdAndIgnoresJsonOptions() throws Exception {
        DiscoverableLayoutFactory<ILoggingEvent> factory = layoutFactory("text");
        assertThat(factory).isInstanceOf(TextLayoutFactory.class);

        String line = render(factory);

        assertThat(line).startsWith("WARN  [").contains("[req-123] Example: Slow request: GET /live/quote/{symbol}")
                .endsWith(System.lineSeparator());
    }

    @Test
    void jsonLayoutIsOneObjectPerLineWithRequestIdAsAField() throws Exception {
        DiscoverableLayoutFactory<ILoggingEvent> factory = layoutFactory("json");
        assertThat(factory).isInstanceOf(EventJsonLayoutBaseFactory.class);

        String line = render(factory);

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.get("requestId").asText()).isEqualTo("req-123");
        assertThat(json.get("level").asText()).isEqualTo("WARN");
        assertThat(json.get("message").asText()).isEqualTo("Slow request: GET /live/quote/{symbol}");
        assertThat(json.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }
}
