package com.bensbot.trading.broker.sim;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Fault injection for the simulator: the next {@code count} requests (or every request until the
 * mode is set back to {@link Mode#OFF}) fail the chosen way. Safe to change from any thread while
 * requests are being served.
 */
public final class SimFaults {

    /** How a faulted request fails. */
    public enum Mode {
        /** No fault: requests are answered normally. */
        OFF("off"),
        /** 500 with Alpaca's internal-error body. */
        ERROR("error"),
        /** The request is processed but its answer is held back (for {@link SimFaults#TIMEOUT_HOLD} or until stop). */
        TIMEOUT("timeout"),
        /** 429 with {@code Retry-After: 1} and no remaining quota. */
        RATE_LIMIT("rate-limit"),
        /** The connection is reset before any byte of the answer is sent. */
        RESET("reset");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        /** The name operators type: {@code error}, {@code timeout}, {@code rate-limit}, {@code reset}, {@code off}. */
        public String label() {
            return label;
        }

        /**
         * Parses an operator's label, case-insensitively.
         *
         * @throws IllegalArgumentException for anything but the five labels
         */
        public static Mode parse(String text) {
            String wanted = Objects.requireNonNull(text, "mode").trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values())
                    .filter(mode -> mode.label.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown fault mode '" + text + "'; expected one of " + labels()));
        }

        private static String labels() {
            return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
        }
    }

    /**
     * The current fault and how many requests it still applies to; {@code remaining} is
     * {@link #UNLIMITED} when the fault lasts until it is turned off, and 0 when the mode is OFF.
     */
    public record State(Mode mode, int remaining) {
        public static final int UNLIMITED = -1;

        static final State NONE = new State(Mode.OFF, 0);

        public State {
            Objects.requireNonNull(mode, "mode");
        }

        public boolean unlimited() {
            return remaining == UNLIMITED;
        }

        State afterOneRequest() {
            if (mode == Mode.OFF || unlimited()) {
                return this;
            }
            return remaining <= 1 ? NONE : new State(mode, remaining - 1);
        }

        @Override
        public String toString() {
            if (mode == Mode.OFF) {
                return "mode=off";
            }
            return "mode=" + mode.label() + " remaining=" + (unlimited() ? "unlimited" : remaining);
        }
    }

    /** How long a {@link Mode#TIMEOUT} answer is held back (unless the simulator stops first). */
    public static final Duration TIMEOUT_HOLD = Duration.ofSeconds(30);

    private final AtomicReference<State> state = new AtomicReference<>(State.NONE);

    /**
     * Applies {@code mode} to the next {@code count} requests; {@code count <= 0} means every
     * request until the mode is set to {@link Mode#OFF}.
     */
    public void set(Mode mode, int count) {
        Objects.requireNonNull(mode, "mode");
        state.set(mode == Mode.OFF ? State.NONE : new State(mode, count > 0 ? count : State.UNLIMITED));
    }

    public void off() {
        set(Mode.OFF, 0);
    }

    public State state() {
        return state.get();
    }

    /** Takes the fault (possibly OFF) that applies to the request being served now. */
    Mode nextRequest() {
        return state.getAndUpdate(State::afterOneRequest).mode();
    }
}
