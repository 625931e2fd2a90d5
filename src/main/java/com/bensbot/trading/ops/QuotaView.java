package com.bensbot.trading.ops;

import com.bensbot.trading.broker.BrokerApi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the broker quota reports to {@code /metrics/alpaca} and Prometheus (CONTRACT §5): per broker API. */
public interface QuotaView {
    record Usage(long used, long remaining) {
    }

    /** Quota use by broker API name ({@code trading}, {@code data}). */
    Map<String, Usage> usage();

    /** The live quota of each broker API. */
    static QuotaView of(List<BrokerApi> apis) {
        return () -> {
            Map<String, Usage> usage = new LinkedHashMap<>();
            for (BrokerApi api : apis) {
                usage.put(api.name(), new Usage(api.quota().used(), api.quota().remaining()));
            }
            return usage;
        };
    }
}
