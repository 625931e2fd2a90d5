package com.bensbot.trading.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Duration;

/**
 * One group's limit, with everything a response needs precomputed so that the hot path only formats the two
 * numbers that change: remaining tokens and seconds until the bucket is full.
 */
public final class GroupPolicy {
    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";
    static final String POLICY = "RateLimit-Policy";
    static final String RATE_LIMIT = "RateLimit";

    private final RateGroup group;
    private final long limit;
    private final Duration window;
    private final long windowSeconds;
    private final BucketConfiguration configuration;
    private final String limitValue;
    private final String policyValue;
    private final String rateLimitPrefix;
    private final String keyPrefix;
    private final String refusal;

    public GroupPolicy(RateGroup group, long limit, Duration window) {
        if (limit < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and window");
        }
        this.group = group;
        this.limit = limit;
        this.window = window;
        this.windowSeconds = Math.max(1, window.toSeconds());
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(limit).refillGreedy(limit, window).build())
                .build();
        this.limitValue = Long.toString(limit);
        this.policyValue = "\"" + group.label() + "\";q=" + limit + ";w=" + windowSeconds;
        this.rateLimitPrefix = "\"" + group.label() + "\";r=";
        this.keyPrefix = group.label() + '|';
        this.refusal = "Too many " + group.label() + " requests: the limit is " + limit + " per " + windowSeconds
                + " s";
    }

    public static GroupPolicy of(RateGroup group, RateLimitConfig.Group config) {
        return new GroupPolicy(group, config.getLimit(), Duration.ofMillis(config.getWindow().toMilliseconds()));
    }

    public RateGroup group() {
        return group;
    }

    public long limit() {
        return limit;
    }

    public Duration window() {
        return window;
    }

    public long windowSeconds() {
        return windowSeconds;
    }

    /** A full bucket for a client seen for the first time. */
    public Bucket newBucket() {
        return Bucket.builder().addLimit(configuration.getBandwidths()[0]).build();
    }

    /** The bucket's limit, for buckets kept elsewhere (a shared store). */
    public BucketConfiguration configuration() {
        return configuration;
    }

    /** The store key of {@code client}'s bucket in this group. */
    public String key(String client) {
        return keyPrefix.concat(client);
    }

    /** The 429 problem's detail. */
    public String refusalDetail() {
        return refusal;
    }

    /** {@code RateLimit-Policy}: {@code "<group>";q=<limit>;w=<window seconds>}. */
    public String policyHeader() {
        return policyValue;
    }

    /** {@code RateLimit}: {@code "<group>";r=<remaining>;t=<seconds until full>}. */
    public String rateLimitHeader(long remaining, long secondsUntilFull) {
        return rateLimitPrefix + remaining + ";t=" + secondsUntilFull;
    }

    /** The five rate-limit headers every limited response carries. */
    public void writeHeaders(HttpServletResponse response, long remaining, long secondsUntilFull) {
        String remainingValue = Long.toString(remaining);
        String resetValue = Long.toString(secondsUntilFull);
        response.setHeader(LIMIT, limitValue);
        response.setHeader(REMAINING, remainingValue);
        response.setHeader(RESET, resetValue);
        response.setHeader(POLICY, policyValue);
        response.setHeader(RATE_LIMIT, rateLimitPrefix + remainingValue + ";t=" + resetValue);
    }

    /** Whole seconds, rounded up. */
    public static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
