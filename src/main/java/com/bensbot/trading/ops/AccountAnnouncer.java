package com.bensbot.trading.ops;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import com.bensbot.trading.trading.LiveModeGuard;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up against a real broker, logs which account the gateway trades for, and its status (CONTRACT §6), and
 * hands the account to the mode guard, which classifies it as paper or live when the URL does not tell.
 */
public final class AccountAnnouncer implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AccountAnnouncer.class);
    private final AlpacaClient client;
    private final String broker;
    private final LiveModeGuard liveGate;

    public AccountAnnouncer(AlpacaClient client, String broker, LiveModeGuard liveGate) {
        this.client = client;
        this.broker = broker;
        this.liveGate = liveGate;
    }

    @Override
    public void start() {
        Account account;
        try {
            account = client.account();
        } catch (BrokerException e) {
            LOG.warn("Could not read the broker account at start-up: {}", e.getMessage());
            liveGate.accountUnreadable(e.getMessage());
            return;
        }
        LOG.info("Broker {} account {} status {}", broker, account.accountNumber(), account.status());
        liveGate.accountRead(account);
    }
}
