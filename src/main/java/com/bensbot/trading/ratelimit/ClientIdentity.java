package com.bensbot.trading.ratelimit;

import com.bensbot.trading.audit.AuditClient;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Who a request counts against (CONTRACT §8): the API key's name when the client authenticated, else its IP,
 * IPv6 by /64. The IP is the socket peer; {@code X-Forwarded-For} is believed only from trusted proxies.
 */
public final class ClientIdentity {
    /** Set by client authentication to the API key's name. */
    public static final String CLIENT_NAME_ATTRIBUTE = AuditClient.NAME_ATTRIBUTE;
    static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final String KEY_PREFIX = "key:";

    private final TrustedProxies trustedProxies;

    public ClientIdentity(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public String resolve(HttpServletRequest request) {
        if (request.getAttribute(CLIENT_NAME_ATTRIBUTE) instanceof String name && !name.isEmpty()) {
            return KEY_PREFIX + name;
        }
        String peer = request.getRemoteAddr();
        if (trustedProxies.isEmpty() || request.getHeader(FORWARDED_FOR) == null) {
            return ipKey(peer);
        }
        Enumeration<String> forwarded = request.getHeaders(FORWARDED_FOR);
        return clientIp(peer, forwarded == null ? List.of() : Collections.list(forwarded));
    }

    private static String ipKey(String peer) {
        byte[] address = IpAddress.parse(peer);
        return address == null ? String.valueOf(peer) : IpAddress.clientKey(address);
    }

    /**
     * The client's key from the peer and the {@code X-Forwarded-For} header lines in arrival order: walk the
     * hops right to left while they are trusted; the first untrusted valid address is the client; a malformed
     * hop ends the walk at the last trusted one.
     */
    String clientIp(String peer, List<String> forwardedFor) {
        byte[] client = IpAddress.parse(peer);
        if (client == null) {
            return String.valueOf(peer);
        }
        for (int line = forwardedFor.size() - 1; line >= 0 && trustedProxies.contains(client); line--) {
            String hops = forwardedFor.get(line);
            int end = hops.length();
            while (end >= 0 && trustedProxies.contains(client)) {
                int comma = hops.lastIndexOf(',', end - 1);
                byte[] hop = IpAddress.parse(hops, comma + 1, end);
                if (hop == null) {
                    return IpAddress.clientKey(client);
                }
                client = hop;
                end = comma;
            }
        }
        return IpAddress.clientKey(client);
    }
}
