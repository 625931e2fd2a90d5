package com.bensbot.trading.trading;

import com.bensbot.trading.broker.Account;
import com.bensbot.trading.broker.BrokerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Whether the account behind a broker URL that does not say so itself (a proxy) is a paper account: Alpaca's
 * paper account numbers begin with {@code PA} (an observed convention). Paper and live are final; an account not
 * yet read is read again when an order asks, at most once per {@code retryInterval}, so that a flood of orders
 * does not flood the broker. Each new reason to refuse is logged at ERROR once.
 */
public final class PaperAccountCheck {
    /** How often an order may make the gateway ask the broker again. */
    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    static final String PAPER_PREFIX = "PA";
    static final String NOT_CLASSIFIED = "account not yet classified as paper";
    static final String UNREADABLE = NOT_CLASSIFIED + " (the broker account could not be read)";
    static final String NO_NUMBER = NOT_CLASSIFIED + " (the broker reported no account number)";
    static final String NOT_PAPER = "the broker account is not a paper account (its number does not begin with "
            + PAPER_PREFIX + ")";
    private static final Logger LOG = LoggerFactory.getLogger(PaperAccountCheck.class);

    private enum Verdict { UNKNOWN, PAPER, LIVE }

    private record State(Verdict verdict, String reason) {
    }

    private final Supplier<Account> reader;
    private final LongSupplier nanoTime;
    private final long retryNanos;
    private final AtomicLong nextReadAt;
    private volatile State state = new State(Verdict.UNKNOWN, NOT_CLASSIFIED);
    private String loggedReason;

    /** {@code reader} asks the broker for its account and throws a {@link BrokerException} if it cannot. */
    public PaperAccountCheck(Supplier<Account> reader, Duration retryInterval, LongSupplier nanoTime) {
        this.reader = reader;
        this.nanoTime = nanoTime;
        this.retryNanos = retryInterval.toNanos();
        this.nextReadAt = new AtomicLong(nanoTime.getAsLong());
    }

    /** True once the account is classified as paper; while it is unknown, may read it first (rate-limited). */
    boolean isPaperReadingIfDue() {
        if (state.verdict() == Verdict.UNKNOWN && claimRead()) {
            try {
                record(reader.get());
            } catch (BrokerException e) {
                unreadable(e.getMessage());
            }
        }
        return state.verdict() == Verdict.PAPER;
    }

    /** Why orders are refused, or {@code null} once the account is paper. */
    String refusal() {
        State current = state;
        return current.verdict() == Verdict.PAPER ? null : current.reason();
    }

    /** Classifies an account the broker reported (the start-up read or a retry). */
    synchronized void record(Account account) {
        delayNextRead();
        if (state.verdict() != Verdict.UNKNOWN) {
            return;
        }
        String number = account == null ? null : account.accountNumber();
        if (number == null || number.isBlank()) {
            refuse(new State(Verdict.UNKNOWN, NO_NUMBER), "");
        } else if (number.startsWith(PAPER_PREFIX)) {
            state = new State(Verdict.PAPER, null);
            LOG.info("Broker account {} is a paper account: orders are allowed", number);
        } else {
            refuse(new State(Verdict.LIVE, NOT_PAPER), " (account " + number + ")");
        }
    }

    /** Records that the account could not be read; {@code why} is logged with the first such refusal. */
    synchronized void unreadable(String why) {
        delayNextRead();
        if (state.verdict() == Verdict.UNKNOWN) {
            refuse(new State(Verdict.UNKNOWN, UNREADABLE), ": " + why);
        }
    }

    private void refuse(State next, String detail) {
        state = next;
        if (!next.reason().equals(loggedReason)) {
            loggedReason = next.reason();
            LOG.error("Orders are refused with 403 live-trading-disabled: {}{}", next.reason(), detail);
        }
    }

    private boolean claimRead() {
        long due = nextReadAt.get();
        long now = nanoTime.getAsLong();
        return now - due >= 0 && nextReadAt.compareAndSet(due, now + retryNanos);
    }

    private void delayNextRead() {
        nextReadAt.set(nanoTime.getAsLong() + retryNanos);
    }
}
