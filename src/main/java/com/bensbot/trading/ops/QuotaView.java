package com.bensbot.trading.ops;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the broker quota reports to {@code /metrics/alpaca} and Prometheus (CONTRACT §5): per broker API. */
public interface QuotaView {
    record Usage(long used, long remaining) {
    }

    /** Quota use by broker API name ({@code trading}, {@code data}). */
    Map<String, Usage> usage();

    /** A view for a gateway that does not meter the broker yet: nothing used, each API's limit remaining. */
    static QuotaView unmetered(Map<String, Long> limits) {
        Map<String, Usage> usage = new LinkedHashMap<>();
        limits.forEach((api, limit) -> usage.put(api, new Usage(0, limit)));
        Map<String, Usage> fixed = Collections.unmodifiableMap(usage);
        return () -> fixed;
    }
}
