package com.bensbot.trading.ops;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.AlpacaClient;
import com.bensbot.trading.broker.BrokerException;
import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** At start-up against a real broker, logs which account the gateway trades for, and its status (CONTRACT §6). */
public final class AccountAnnouncer implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(AccountAnnouncer.class);
    private final AlpacaClient client;
    private final String broker;

    public AccountAnnouncer(AlpacaClient client, String broker) {
        this.client = client;
        this.broker = broker;
    }

    @Override
    public void start() {
        try {
            Account account = client.account();
            LOG.info("Broker {} account {} status {}", broker, account.accountNumber(), account.status());
        } catch (BrokerException e) {
            LOG.warn("Could not read the broker account at start-up: {}", e.getMessage());
        }
    }
}
