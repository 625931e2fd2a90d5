package com.bensbot.trading.trading;

import com.bensbot.trading.broker.AlpacaConfig;
import com.bensbot.trading.http.ProblemType;

/**
 * Layer 3: an order is live when {@code TRADING_MODE=live} or the broker is Alpaca's live API; live orders need
 * {@code ENVIRONMENT=production} and {@code ENABLE_LIVE_TRADING=true} (403 live-trading-disabled).
 */
public final class LiveModeGuard {
    private final boolean live;
    private final boolean allowed;

    public LiveModeGuard(String tradingMode, String brokerUrl, boolean production, boolean liveTradingEnabled) {
        this.live = "live".equals(tradingMode) || isLiveUrl(brokerUrl);
        this.allowed = production && liveTradingEnabled;
    }

    static boolean isLiveUrl(String url) {
        if (url == null) {
            return false;
        }
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.equalsIgnoreCase(AlpacaConfig.LIVE_URL);
    }

    public boolean ordersAreLive() {
        return live;
    }

    public void check() {
        if (live && !allowed) {
            throw new OrderRefusedException(OrderLayer.MODE, ProblemType.LIVE_TRADING_DISABLED,
                    "Live orders need ENVIRONMENT=production and ENABLE_LIVE_TRADING=true");
        }
    }
}
