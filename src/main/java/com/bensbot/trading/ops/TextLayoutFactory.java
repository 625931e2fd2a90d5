package com.bensbot.trading.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.PatternLayoutBase;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import jakarta.validation.constraints.NotEmpty;

import java.util.TimeZone;

/**
 * Layout type {@code text} ({@code LOG_FORMAT=text}): Dropwizard's pattern layout with the request ID. Dropwizard
 * names no layout {@code text}, and {@code LOG_FORMAT} switches only the layout's {@code type}, so this factory
 * accepts (and ignores) the {@code json} layout's options written beside it in the configuration.
 */
@JsonTypeName("text")
@JsonIgnoreProperties({"flattenMdc", "includes", "includesMdcKeys", "timestampFormat", "prettyPrint",
        "appendLineSeparator", "customFieldNames", "additionalFields", "exceptionFormat"})
public class TextLayoutFactory implements DiscoverableLayoutFactory<ILoggingEvent> {
    public static final String DEFAULT_PATTERN =
            "%-5level [%d{ISO8601,UTC}] [%X{requestId:--}] %logger{0}: %message%n%rootException";

    @NotEmpty
    private String pattern = DEFAULT_PATTERN;

    @JsonProperty
    public String getPattern() {
        return pattern;
    }

    @JsonProperty
    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public PatternLayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
        DropwizardLayout layout = new DropwizardLayout(context, timeZone);
        layout.setPattern(pattern);
        return layout;
    }
}
