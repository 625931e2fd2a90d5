package com.bensbot.trading.trading;

import com.bensbot.trading.broker.BrokerKind;
import com.bensbot.trading.http.ProblemType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LiveModeGuardTest {
    private final AtomicLong now = new AtomicLong();
    private final FakeAccounts broker = new FakeAccounts();

    private LiveModeGuard guard(String mode, BrokerKind kind, boolean production, boolean liveTradingEnabled) {
        return new LiveModeGuard(mode, kind, production, liveTradingEnabled,
                new PaperAccountCheck(broker, Duration.ofSeconds(5), now::get));
    }

    private static void assertRefused(LiveModeGuard guard, String detail) {
        assertThatThrownBy(guard::check).isInstanceOfSatisfying(OrderRefusedException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemType.LIVE_TRADING_DISABLED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.layer()).isEqualTo(OrderLayer.MODE);
            assertThat(e.detail()).contains(detail);
        });
    }

    @ParameterizedTest
    @EnumSource(value = BrokerKind.class, names = {"SIMULATOR", "ALPACA_PAPER", "LOOPBACK"})
    void paperOrdersToAPaperUrlPassWithoutAskingForTheAccount(BrokerKind kind) {
        LiveModeGuard guard = guard("paper", kind, false, false);
        guard.accountRead(FakeAccounts.account("123456789"));

        assertThatCode(guard::check).doesNotThrowAnyException();
        assertThat(guard.ordersAreLive()).isFalse();
        assertThat(guard.accountProblem()).isEmpty();
        assertThat(guard.status()).isEqualTo("open (" + kind.description() + ")");
        assertThat(broker.reads()).isZero();
    }

    @Test
    void liveOrdersNeedProductionTheSwitchAndLiveMode() {
        for (LiveModeGuard guard : new LiveModeGuard[]{
                guard("live", BrokerKind.OTHER, false, true),
                guard("live", BrokerKind.OTHER, true, false),
                guard("live", BrokerKind.ALPACA_LIVE, false, false),
                guard("paper", BrokerKind.ALPACA_LIVE, true, false),
                guard("paper", BrokerKind.ALPACA_LIVE, true, true)}) {
            assertThat(guard.ordersAreLive()).isTrue();
            assertRefused(guard, "Live orders need ENVIRONMENT=production and ENABLE_LIVE_TRADING=true");
            assertThat(guard.status()).startsWith("closed: Live orders need");
            assertThat(guard.accountProblem()).as("the configuration refuses, not the account").isEmpty();
        }
        for (BrokerKind kind : new BrokerKind[]{BrokerKind.ALPACA_LIVE, BrokerKind.OTHER}) {
            LiveModeGuard enabled = guard("live", kind, true, true);
            assertThatCode(enabled::check).doesNotThrowAnyException();
            assertThat(enabled.status()).isEqualTo("open (live trading enabled)");
        }
        assertThat(broker.reads()).isZero();
    }

    @Test
    void anOtherHostRefusesOrdersUntilItsAccountIsPaper() {
        LiveModeGuard guard = guard("paper", BrokerKind.OTHER, true, false);
        assertThat(guard.ordersAreLive()).isFalse();
        guard.accountUnreadable("The trading API answered 500");

        assertRefused(guard, "account not yet classified as paper (the broker account could not be read)");
        assertThat(guard.status()).isEqualTo("closed: " + PaperAccountCheck.UNREADABLE);
        assertThat(guard.accountProblem()).hasValue(PaperAccountCheck.UNREADABLE);

        broker.answer("PA3ABCDEFG12");
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThatCode(guard::check).doesNotThrowAnyException();
        assertThat(guard.status()).isEqualTo("open (broker account is paper)");
        assertThat(guard.accountProblem()).isEmpty();
    }

    @Test
    void anOtherHostWithALiveAccountStaysClosed() {
        LiveModeGuard guard = guard("paper", BrokerKind.OTHER, false, false);
        guard.accountRead(FakeAccounts.account("123456789"));

        assertRefused(guard, PaperAccountCheck.NOT_PAPER);
        assertThat(guard.status()).isEqualTo("closed: " + PaperAccountCheck.NOT_PAPER);
    }

    @Test
    void anOtherHostIsNotCheckedWhenLiveTradingIsEnabled() {
        LiveModeGuard guard = guard("live", BrokerKind.OTHER, true, true);
        guard.accountRead(FakeAccounts.account("123456789"));
        guard.accountUnreadable("down");

        assertThatCode(guard::check).doesNotThrowAnyException();
        assertThat(guard.accountProblem()).isEmpty();
        assertThat(broker.reads()).isZero();
    }
}
