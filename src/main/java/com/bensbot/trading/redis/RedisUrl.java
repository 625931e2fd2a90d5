package com.bensbot.trading.redis;

import io.lettuce.core.RedisURI;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A parsed {@code REDIS_URL}: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://…} for TLS.
 * The password never leaves this class except into the Lettuce client: {@link #toString()} and
 * {@link #redacted()} mask it, and a parse error never quotes the URL.
 */
public final class RedisUrl {
    public static final int DEFAULT_PORT = 6379;
    private static final String MASK = "***";

    private final boolean tls;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final int database;

    private RedisUrl(boolean tls, String host, int port, String username, String password, int database) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.database = database;
    }

    /**
     * Parses {@code url}. A user-info part without a colon is the password (as Lettuce reads it).
     *
     * @throws IllegalArgumentException naming what is wrong, never quoting the URL (it may hold a password)
     */
    public static RedisUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("REDIS_URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("REDIS_URL is not a valid URL (percent-encode special characters"
                    + " in the password)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw new IllegalArgumentException("REDIS_URL must start with redis:// or rediss://");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("REDIS_URL names no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("REDIS_URL takes no query or fragment");
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("REDIS_URL port must be 1-65535");
        }
        String username = "";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                password = decode(userInfo);
            } else {
                username = decode(userInfo.substring(0, colon));
                password = decode(userInfo.substring(colon + 1));
            }
        }
        return new RedisUrl(scheme.equals("rediss"), host, port, username, password, database(uri.getRawPath()));
    }

    private static int database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String number = path.substring(1);
        if (!number.matches("\\d{1,5}")) {
            throw new IllegalArgumentException("REDIS_URL path must be empty or a database number such as /0");
        }
        return Integer.parseInt(number);
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public boolean tls() {
        return tls;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public boolean hasPassword() {
        return !password.isEmpty();
    }

    public int database() {
        return database;
    }

    /** {@code host:port} ({@code [v6]:port} for an IPv6 literal), for the banner, logs and health. */
    public String hostPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** The URL with the password masked. */
    public String redacted() {
        String credentials = hasPassword() ? username + ":" + MASK + "@" : username.isEmpty() ? "" : username + "@";
        return (tls ? "rediss" : "redis") + "://" + credentials + hostPort() + (database == 0 ? "" : "/" + database);
    }

    /** {@code text} with every occurrence of the password masked, for messages that might quote it. */
    public String redact(String text) {
        if (text == null || !hasPassword()) {
            return text;
        }
        return text.replace(password, MASK);
    }

    /** The Lettuce form, each command bounded by {@code commandTimeout}. */
    public RedisURI toRedisUri(Duration commandTimeout) {
        RedisURI.Builder builder = RedisURI.builder()
                .withHost(host)
                .withPort(port)
                .withSsl(tls)
                .withDatabase(database)
                .withTimeout(commandTimeout);
        if (hasPassword()) {
            if (username.isEmpty()) {
                builder.withPassword(password.toCharArray());
            } else {
                builder.withAuthentication(username, password.toCharArray());
            }
        }
        return builder.build();
    }

    @Override
    public String toString() {
        return redacted();
    }
}
