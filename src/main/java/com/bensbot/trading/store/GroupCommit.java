package com.bensbot.trading.store;

import org.jdbi.v3.core.Handle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: writes that arrive while another is being committed wait, then go together in one transaction.
 * Every caller still returns only after its own write is committed (or throws what made the transaction fail), but
 * under concurrent load the store commits once per group instead of once per write. There is no writer thread:
 * the first caller to get the lock commits everything queued so far, its own write included, and later callers
 * often find theirs already done.
 *
 * @param <I> one write
 * @param <O> what the caller gets back once it is committed
 */
public final class GroupCommit<I, O> {
    /** Applies a group of writes on one handle inside one transaction, returning one result per write, in order. */
    @FunctionalInterface
    public interface Work<I, O> {
        List<O> apply(Handle handle, List<I> writes);
    }

    private static final class Pending<I, O> {
        final I write;
        O result;
        Throwable failure;
        boolean done;

        Pending(I write) {
            this.write = write;
        }
    }

    private final Database database;
    private final String purpose;
    private final int maxGroup;
    private final Work<I, O> work;
    private final ConcurrentLinkedQueue<Pending<I, O>> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();

    /** {@code purpose} completes "The durable store cannot …"; at most {@code maxGroup} writes share a commit. */
    public GroupCommit(Database database, String purpose, int maxGroup, Work<I, O> work) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("maxGroup must be at least 1");
        }
        this.database = database;
        this.purpose = purpose;
        this.maxGroup = maxGroup;
        this.work = work;
    }

    /**
     * Commits {@code write} (with whatever else is queued) and returns its result; throws
     * {@link StorageUnavailableException} when the store failed, or the exception {@link Work} threw.
     */
    public O commit(I write) {
        Pending<I, O> mine = new Pending<>(write);
        queue.add(mine);
        committing.lock();
        try {
            while (!mine.done) {
                commitQueued();
            }
        } finally {
            committing.unlock();
        }
        if (mine.failure instanceof Error error) {
            throw error;
        }
        if (mine.failure != null) {
            throw (RuntimeException) mine.failure;
        }
        return mine.result;
    }

    /** Called with the lock held: one transaction for up to maxGroup queued writes, in arrival order. */
    private void commitQueued() {
        List<Pending<I, O>> group = new ArrayList<>();
        Pending<I, O> next;
        while (group.size() < maxGroup && (next = queue.poll()) != null) {
            group.add(next);
        }
        List<I> writes = new ArrayList<>(group.size());
        group.forEach(pending -> writes.add(pending.write));
        try {
            List<O> results = database.inTransaction(purpose, handle -> {
                List<O> applied = work.apply(handle, writes);
                if (applied.size() != writes.size()) {
                    throw new IllegalStateException("Group commit work returned " + applied.size()
                            + " results for " + writes.size() + " writes");
                }
                return applied;
            });
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result = results.get(i);
            }
        } catch (RuntimeException | Error failure) {
            // Nothing of the group was committed: every caller in it gets the failure to handle as its own.
            group.forEach(pending -> pending.failure = failure);
        } finally {
            group.forEach(pending -> pending.done = true);
        }
    }
}
