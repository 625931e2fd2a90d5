package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.BrokerUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A broker's {@code GET /v2/account} for unit tests: answers with the account number set, or fails; counts reads. */
final class FakeAccounts implements Supplier<Account> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AtomicReference<String> accountNumber = new AtomicReference<>();
    private final AtomicInteger reads = new AtomicInteger();
    private volatile boolean down = true;

    static Account account(String number) {
        try {
            return MAPPER.readValue(number == null ? "{\"status\":\"ACTIVE\"}"
                    : "{\"account_number\":\"" + number + "\",\"status\":\"ACTIVE\"}", Account.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    void answer(String number) {
        accountNumber.set(number);
        down = false;
    }

    void fail() {
        down = true;
    }

    int reads() {
        return reads.get();
    }

    @Override
    public Account get() {
        reads.incrementAndGet();
        if (down) {
            throw BrokerUnavailableException.serverError("trading", 500);
        }
        return account(accountNumber.get());
    }
}
