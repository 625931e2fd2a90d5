package com.bensbot.trading.broker;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the configured trading URL points at, decided from its parsed host: the host is compared case-insensitively
 * and without trailing dots, whatever the port, path or user-info. The one place that tells Alpaca's live API from
 * everything else; a URL that cannot be parsed is {@link #OTHER} (the preflight refuses it anyway).
 */
public enum BrokerKind {
    /** {@code sim}: the built-in simulator, on loopback. */
    SIMULATOR("built-in simulator"),
    /** Host {@code api.alpaca.markets}: real money. */
    ALPACA_LIVE("Alpaca live API, real money"),
    /** Host {@code paper-api.alpaca.markets}. */
    ALPACA_PAPER("Alpaca paper API"),
    /** 127.0.0.0/8, {@code localhost} or {@code ::1}: test doubles and local simulators. */
    LOOPBACK("loopback host"),
    /** Anything else, e.g. a proxy: whether it trades paper money is learnt from the account it reports. */
    OTHER("other host: paper or live is learnt from the account it reports");

    public static final String LIVE_HOST = "api.alpaca.markets";
    public static final String PAPER_HOST = "paper-api.alpaca.markets";
    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final String description;

    BrokerKind(String description) {
        this.description = description;
    }

    /** For the banner and logs: what this kind of broker is. */
    public String description() {
        return description;
    }

    /** Whether the URL alone shows that orders cannot reach real money (no account check needed). */
    public boolean isPaperByUrl() {
        return this == SIMULATOR || this == ALPACA_PAPER || this == LOOPBACK;
    }

    public static BrokerKind of(String baseUrl) {
        if (baseUrl != null && AlpacaConfig.SIM.equalsIgnoreCase(baseUrl.trim())) {
            return SIMULATOR;
        }
        Optional<String> host = host(baseUrl);
        if (host.isEmpty()) {
            return OTHER;
        }
        return switch (host.get()) {
            case LIVE_HOST -> ALPACA_LIVE;
            case PAPER_HOST -> ALPACA_PAPER;
            default -> isLoopback(host.get()) ? LOOPBACK : OTHER;
        };
    }

    /**
     * The URL's host in lower case without trailing dots (an IPv6 literal keeps its brackets), or empty when
     * the URL has no host that {@link URI} can parse. Never the user-info.
     */
    public static Optional<String> host(String url) {
        if (url == null) {
            return Optional.empty();
        }
        String host;
        try {
            host = new URI(url.trim()).getHost();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (host == null) {
            return Optional.empty();
        }
        String normalised = host.toLowerCase(Locale.ROOT);
        while (normalised.endsWith(".")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised.isEmpty() ? Optional.empty() : Optional.of(normalised);
    }

    /**
     * {@code localhost}, a dotted-quad IPv4 address in 127.0.0.0/8, or a loopback IPv6 literal ({@code [::1]} in
     * any spelling, or IPv4-mapped loopback). Never resolves a name.
     */
    public static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        var quad = DOTTED_QUAD.matcher(host);
        if (quad.matches()) {
            return quad.group(1).equals("127") && validQuad(host);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            try {
                // A literal with colons: parsed, never looked up.
                return InetAddress.getByName(host.substring(1, host.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static boolean validQuad(String host) {
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
