package com.bensbot.trading.http;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Reservoir;
import com.codahale.metrics.Timer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LockFreeMetricRegistryTest {
    private final LockFreeMetricRegistry registry = new LockFreeMetricRegistry();

    @Test
    void timersByNameKeepSamplesWithoutALock() throws ReflectiveOperationException {
        Timer timer = registry.timer("bensbot.test.requests");
        timer.update(3, TimeUnit.MILLISECONDS);

        assertThat(reservoirOf(histogramOf(timer))).isInstanceOf(LockFreeExponentiallyDecayingReservoir.class);
        assertThat(timer.getSnapshot().getMax()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(3));
        assertThat(registry.timer("bensbot.test.requests")).isSameAs(timer);
    }

    @Test
    void histogramsByNameKeepSamplesWithoutALock() throws ReflectiveOperationException {
        Histogram histogram = registry.histogram("bensbot.test.sizes");
        histogram.update(7);

        assertThat(reservoirOf(histogram)).isInstanceOf(LockFreeExponentiallyDecayingReservoir.class);
        assertThat(histogram.getSnapshot().getMax()).isEqualTo(7);
    }

    private static Histogram histogramOf(Timer timer) throws ReflectiveOperationException {
        Field field = Timer.class.getDeclaredField("histogram");
        field.setAccessible(true);
        return (Histogram) field.get(timer);
    }

    private static Reservoir reservoirOf(Histogram histogram) throws ReflectiveOperationException {
        Field field = Histogram.class.getDeclaredField("reservoir");
        field.setAccessible(true);
        return (Reservoir) field.get(histogram);
    }
}
