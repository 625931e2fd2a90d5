package com.bensbot.trading.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.Context;
import ch.qos.logback.core.util.Duration;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;
import net.logstash.logback.appender.LoggingEventAsyncDisruptorAppender;
import net.logstash.logback.encoder.com.lmax.disruptor.SleepingWaitStrategy;

/**
 * {@code logging.appenders[].type: console-batched}: Dropwizard's console appender, but the events reach the writing
 * thread through a ring buffer (logstash-logback-encoder's LMAX Disruptor appender) that the writer polls every
 * 10 ms (a line waits at most that long; an idle writer costs about 0.4 % of a core), instead of logback's blocking
 * queue, whose writer sleeps when the queue is empty and is woken for
 * nearly every line under load. At tens of thousands of lines a second (one WARN line per refused broker call, as
 * CONTRACT §4 asks, while a breaker is open) those wake-ups cost more CPU than writing the lines. A full buffer makes
 * the logging thread wait for room: no line is ever dropped. For the application log only (not the request log);
 * {@code messageRate} is not supported.
 */
@JsonTypeName("console-batched")
public class BatchedConsoleAppenderFactory extends ConsoleAppenderFactory<ILoggingEvent> {
    static final int RING_BUFFER_SIZE = 8192;
    static final long POLL_INTERVAL_NANOS = 10_000_000L;

    @Override
    protected Appender<ILoggingEvent> wrapAsync(Appender<ILoggingEvent> appender,
                                                AsyncAppenderFactory<ILoggingEvent> asyncAppenderFactory,
                                                Context context) {
        if (getMessageRate() != null) {
            throw new IllegalArgumentException("messageRate is not supported by the console-batched appender");
        }
        LoggingEventAsyncDisruptorAppender batched = new LoggingEventAsyncDisruptorAppender();
        batched.setContext(context);
        batched.setName("async-" + appender.getName());
        batched.setRingBufferSize(RING_BUFFER_SIZE);
        // No spinning or yielding when the buffer is empty: the writer parks for the interval, never woken by a line.
        batched.setWaitStrategy(new SleepingWaitStrategy(0, POLL_INTERVAL_NANOS));
        batched.setAppendTimeout(Duration.buildByMilliseconds(-1));
        batched.setIncludeCallerData(isIncludeCallerData());
        batched.addAppender(appender);
        batched.start();
        return batched;
    }
}
