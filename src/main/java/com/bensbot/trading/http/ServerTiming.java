package com.bensbot.trading.http;

/** The {@code Server-Timing: app;dur=<ms, one decimal>} header of CONTRACT §4. */
public final class ServerTiming {
    public static final String HEADER = "Server-Timing";
    /** Request attribute holding the {@link System#nanoTime()} at which the gateway started serving the request. */
    public static final String START_ATTRIBUTE = ServerTiming.class.getName() + ".start";

    private ServerTiming() {
    }

    public static String value(long elapsedNanos) {
        return "app;dur=" + millisOneDecimal(elapsedNanos);
    }

    /** Milliseconds rounded to one decimal, e.g. {@code 12.3}; without String.format, which is slow per request. */
    public static String millisOneDecimal(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000L) / 100_000L;
        return (tenths / 10) + "." + (tenths % 10);
    }

    /** The header value for a request whose start the timing filter recorded, or null if it recorded none. */
    public static String forRequest(Object startAttribute) {
        return startAttribute instanceof Long start ? value(System.nanoTime() - start) : null;
    }
}
