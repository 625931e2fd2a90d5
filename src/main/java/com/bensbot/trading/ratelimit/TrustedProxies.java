package com.bensbot.trading.ratelimit;

import java.util.ArrayList;
import java.util.List;

/** {@code rateLimit.trustedProxies}: the peers whose {@code X-Forwarded-For} the rate limiter believes. */
public final class TrustedProxies {
    private final Cidr[] blocks;

    private TrustedProxies(Cidr[] blocks) {
        this.blocks = blocks;
    }

    /** Throws {@link IllegalArgumentException} naming the first entry that is not a CIDR block. */
    public static TrustedProxies parse(List<String> cidrs) {
        List<Cidr> parsed = new ArrayList<>(cidrs.size());
        for (String cidr : cidrs) {
            parsed.add(Cidr.parse(cidr));
        }
        return new TrustedProxies(parsed.toArray(Cidr[]::new));
    }

    public boolean isEmpty() {
        return blocks.length == 0;
    }

    public boolean contains(byte[] address) {
        for (Cidr block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
