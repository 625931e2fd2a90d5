package com.bensbot.trading.trading;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.bensbot.trading.support.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class PaperAccountCheckTest {
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private final AtomicLong now = new AtomicLong(1_000);
    private final FakeAccounts broker = new FakeAccounts();
    private final PaperAccountCheck check = new PaperAccountCheck(broker, INTERVAL, now::get);
    private final LogCapture log = LogCapture.of(PaperAccountCheck.class);

    @AfterEach
    void detach() {
        log.close();
    }

    private List<String> errors() {
        return log.events().stream().filter(e -> e.getLevel() == Level.ERROR)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aPaperAccountAtStartOpensTheGateWithoutAskingAgain() {
        check.record(FakeAccounts.account("PA3ABCDEFG12"));

        assertThat(check.isPaperReadingIfDue()).isTrue();
        assertThat(check.refusal()).isNull();
        now.addAndGet(INTERVAL.toNanos() * 10);
        assertThat(check.isPaperReadingIfDue()).isTrue();
        assertThat(broker.reads()).isZero();
        assertThat(errors()).isEmpty();
    }

    @Test
    void anAccountNumberNotBeginningWithPaIsLiveForGoodAndLoggedOnce() {
        broker.answer("PA-would-be-paper-if-asked-again");
        check.record(FakeAccounts.account("123456789"));

        for (int i = 0; i < 5; i++) {
            assertThat(check.isPaperReadingIfDue()).isFalse();
            now.addAndGet(INTERVAL.toNanos());
        }

        assertThat(check.refusal()).isEqualTo(PaperAccountCheck.NOT_PAPER);
        assertThat(broker.reads()).as("live is final: the broker is not asked again").isZero();
        assertThat(errors()).singleElement().asString().contains("not a paper account").contains("123456789");
    }

    @Test
    void lowerCasePaIsNotPaper() {
        check.record(FakeAccounts.account("pa123"));

        assertThat(check.isPaperReadingIfDue()).isFalse();
        assertThat(check.refusal()).isEqualTo(PaperAccountCheck.NOT_PAPER);
    }

    @Test
    void noAccountNumberIsNotClassified() {
        check.record(FakeAccounts.account(null));

        assertThat(check.refusal()).isEqualTo(PaperAccountCheck.NO_NUMBER);
        broker.answer("PA1");
        now.addAndGet(INTERVAL.toNanos());
        assertThat(check.isPaperReadingIfDue()).isTrue();
    }

    @Test
    void anUnreadableAccountIsAskedAgainAtMostOncePerIntervalAndLoggedOnce() {
        check.unreadable("The trading API answered 500");
        assertThat(check.refusal()).isEqualTo(PaperAccountCheck.UNREADABLE);

        for (int i = 0; i < 100; i++) {
            assertThat(check.isPaperReadingIfDue()).isFalse();
        }
        assertThat(broker.reads()).as("within the interval of the start-up read").isZero();

        now.addAndGet(INTERVAL.toNanos());
        for (int i = 0; i < 100; i++) {
            assertThat(check.isPaperReadingIfDue()).isFalse();
        }
        assertThat(broker.reads()).isEqualTo(1);

        now.addAndGet(INTERVAL.toNanos() - 1);
        check.isPaperReadingIfDue();
        assertThat(broker.reads()).isEqualTo(1);
        now.addAndGet(1);
        check.isPaperReadingIfDue();
        assertThat(broker.reads()).isEqualTo(2);
        assertThat(errors()).singleElement().asString()
                .contains(PaperAccountCheck.UNREADABLE).contains("The trading API answered 500");
    }

    @Test
    void anAccountThatBecomesReadableAsPaperOpensTheGateFromThenOn() {
        check.unreadable("The trading API answered 500");
        broker.answer("PA3ABCDEFG12");
        assertThat(check.isPaperReadingIfDue()).as("not due yet").isFalse();

        now.addAndGet(INTERVAL.toNanos());
        assertThat(check.isPaperReadingIfDue()).isTrue();
        broker.fail();
        now.addAndGet(INTERVAL.toNanos());
        assertThat(check.isPaperReadingIfDue()).isTrue();
        check.unreadable("late");
        assertThat(check.isPaperReadingIfDue()).as("paper is final").isTrue();
        assertThat(broker.reads()).isEqualTo(1);
        assertThat(log.allText()).contains("INFO Broker account PA3ABCDEFG12 is a paper account");
        assertThat(errors()).hasSize(1);
    }

    @Test
    void beforeTheStartUpReadTheFirstOrderAsks() {
        broker.answer("PA1");

        assertThat(check.refusal()).isEqualTo(PaperAccountCheck.NOT_CLASSIFIED);
        assertThat(check.isPaperReadingIfDue()).isTrue();
        assertThat(broker.reads()).isEqualTo(1);
    }
}
