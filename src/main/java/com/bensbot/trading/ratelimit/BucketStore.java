package com.bensbot.trading.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Where the clients' buckets live: in memory by default; a shared store lets several instances agree. */
public interface BucketStore {
    /** Takes one token from {@code client}'s bucket in the policy's group, creating a full bucket if needed. */
    ConsumptionProbe tryConsume(GroupPolicy policy, String client);

    /** How many buckets the store holds now (an estimate for shared stores). */
    long size();
}
