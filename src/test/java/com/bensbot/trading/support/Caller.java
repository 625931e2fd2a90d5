package com.bensbot.trading.support;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call made on a thread of its own, for tests of code that makes concurrent callers wait for each other.
 * {@link #awaitBlocked} returns once the thread has entered the call and is parked in it (waiting on a lock, a
 * condition or a database row lock), which tells deterministically that the call got as far as it can while
 * something else holds it up. The patience limits only keep a broken build from hanging; no assertion depends on
 * how long anything takes.
 */
public final class Caller<T> {
    private static final long PATIENCE_SECONDS = 60;
    private final String name;
    private final Thread thread;
    private final CompletableFuture<T> outcome = new CompletableFuture<>();
    private volatile boolean calling;

    private Caller(String name, CountDownLatch go, Callable<T> call) {
        this.name = name;
        this.thread = new Thread(() -> {
            try {
                if (go != null) {
                    go.await();
                }
                calling = true;
                outcome.complete(call.call());
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code call} on a new thread now. */
    public static <T> Caller<T> start(String name, Callable<T> call) {
        return startWhen(null, name, call);
    }

    /** Starts a thread that makes {@code call} once {@code go} opens (all such callers then start together). */
    public static <T> Caller<T> startWhen(CountDownLatch go, String name, Callable<T> call) {
        Caller<T> caller = new Caller<>(name, go, call);
        caller.thread.start();
        return caller;
    }

    /** Waits until the thread is inside the call and parked there; fails if the call returns instead. */
    public Caller<T> awaitBlocked() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (!isBlocked()) {
            if (outcome.isDone()) {
                throw new AssertionError(name + " finished its call instead of waiting in it: " + describe());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(name + " never blocked in its call (state " + thread.getState() + ")");
            }
            Thread.yield();
        }
        return this;
    }

    /** Waits until the call has returned or thrown, whichever it did. */
    public Caller<T> awaitDone() {
        try {
            outcome.handle((value, failure) -> null).get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            return this;
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError(name + " did not finish", e);
        }
    }

    /** What the call returned; fails the test if it threw. */
    public T result() {
        try {
            return outcome.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(name + " threw instead of returning", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(name + " did not finish", e);
        }
    }

    /** What the call threw; fails the test if it returned. */
    public Throwable failure() {
        try {
            T returned = outcome.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError(name + " returned " + returned + " instead of throwing");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(name + " did not finish", e);
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "Caller " + name;
    }

    private boolean isBlocked() {
        if (!calling) {
            return false;
        }
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.BLOCKED || state == Thread.State.TIMED_WAITING;
    }

    private String describe() {
        try {
            return "returned " + outcome.getNow(null);
        } catch (RuntimeException e) {
            return "threw " + e.getCause();
        }
    }
}
