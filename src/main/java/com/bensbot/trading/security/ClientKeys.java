package com.bensbot.trading.security;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The client API keys ({@code API_KEYS}), kept only as SHA-256 digests. A presented key is compared with every
 * digest in constant time, so neither which key nor how much of it matched leaks through timing.
 */
public final class ClientKeys {
    public static final String HEADER = "X-API-Key";

    private record Entry(String name, byte[] digest) {
    }

    private final List<Entry> entries;

    public ClientKeys(Map<String, String> keysByName) {
        List<Entry> list = new ArrayList<>();
        keysByName.forEach((name, key) -> list.add(new Entry(name, AdminCredential.sha256(key))));
        this.entries = List.copyOf(list);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The name of the client whose key this is, if any. */
    public Optional<String> clientFor(String presented) {
        byte[] digest = AdminCredential.sha256(presented);
        String match = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), digest)) {
                match = entry.name();
            }
        }
        return Optional.ofNullable(match);
    }

    @Override
    public String toString() {
        return "ClientKeys{" + entries.size() + " keys}";
    }
}
