package com.bensbot.trading.broker;

import java.time.Duration;

/** Makes the quota bucket of each broker API: the source of {@link BrokerQuota}'s tokens. */
@FunctionalInterface
public interface QuotaBuckets {
    /**
     * The bucket for {@code api}: {@code limit} requests per {@code window} for the whole account, of which one
     * instance keeps to {@code limit / instances} whenever it cannot count with the others.
     */
    QuotaBucket bucket(String api, long limit, Duration window, int instances);

    /** This instance counts alone and keeps the whole account limit (one instance per account). */
    static QuotaBuckets local() {
        return (api, limit, window, instances) -> new LocalQuotaBucket(limit, window);
    }
}
