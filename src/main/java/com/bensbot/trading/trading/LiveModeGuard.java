package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.BrokerKind;
import com.bensbot.trading.http.ProblemType;

import java.util.Optional;

/**
 * Layer 3: an order is live when {@code TRADING_MODE=live} or the broker is Alpaca's live API; live orders need
 * {@code ENVIRONMENT=production} and {@code ENABLE_LIVE_TRADING=true} (403 live-trading-disabled). A broker whose
 * URL does not show that it is paper ({@link BrokerKind#OTHER}, e.g. a proxy) also gets 403 until the account it
 * reports is classified as paper, unless live trading is enabled.
 */
public final class LiveModeGuard {
    private static final String LIVE_DISABLED = "Live orders need ENVIRONMENT=production and ENABLE_LIVE_TRADING=true";

    private final BrokerKind broker;
    private final boolean live;
    private final boolean allowed;
    private final PaperAccountCheck account;

    public LiveModeGuard(String tradingMode, BrokerKind broker, boolean production, boolean liveTradingEnabled,
                         PaperAccountCheck account) {
        this.broker = broker;
        this.live = "live".equals(tradingMode) || broker == BrokerKind.ALPACA_LIVE;
        this.allowed = production && liveTradingEnabled && "live".equals(tradingMode);
        this.account = account;
    }

    public boolean ordersAreLive() {
        return live;
    }

    public void check() {
        if (allowed) {
            return;
        }
        if (live) {
            throw refused(LIVE_DISABLED);
        }
        if (needsAccount() && !account.isPaperReadingIfDue()) {
            throw refused("Orders need a paper broker account or live trading enabled: " + account.refusal());
        }
    }

    /** For {@code /health}: {@code open (why)} or {@code closed: why}. */
    public String status() {
        if (allowed) {
            return "open (live trading enabled)";
        }
        if (live) {
            return "closed: " + LIVE_DISABLED;
        }
        if (!needsAccount()) {
            return "open (" + broker.description() + ")";
        }
        return accountProblem().map(problem -> "closed: " + problem).orElse("open (broker account is paper)");
    }

    /** Why orders are refused for the account the broker reports, when that is what refuses them. */
    public Optional<String> accountProblem() {
        return needsAccount() ? Optional.ofNullable(account.refusal()) : Optional.empty();
    }

    /** The account read at start-up; it matters only when the URL does not show that the broker is paper. */
    public void accountRead(Account reported) {
        if (needsAccount()) {
            account.record(reported);
        }
    }

    /** The start-up read failed. */
    public void accountUnreadable(String why) {
        if (needsAccount()) {
            account.unreadable(why);
        }
    }

    private boolean needsAccount() {
        return !allowed && !live && !broker.isPaperByUrl();
    }

    private static OrderRefusedException refused(String detail) {
        return new OrderRefusedException(OrderLayer.MODE, ProblemType.LIVE_TRADING_DISABLED, detail);
    }
}
