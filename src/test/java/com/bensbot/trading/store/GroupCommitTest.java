package com.bensbot.trading.store;

import com.bensbot.trading.support.Caller;
import com.bensbot.trading.support.TempDatabase;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * GroupCommit on a real H2 store. Writes are ints inserted into a throwaway table; the work answers
 * {@code "r<write>#<position in its group>"}, so a caller handed another write's result, or a result from the
 * wrong position, shows. Groups form deterministically: the first group's work holds the commit (it waits on a
 * gate) until the other callers are parked inside {@link GroupCommit#commit}, their writes queued.
 */
class GroupCommitTest {
    private static final String PURPOSE = "write the test rows";
    private TempDatabase db;
    /** Every group the work was called with (one per transaction), in commit order. */
    private final List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() {
        db = TempDatabase.create();
        db.jdbi().useHandle(handle -> handle.execute(
                "CREATE TABLE gc_item (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(64) NOT NULL)"));
    }

    @AfterEach
    void tearDown() throws Exception {
        db.close();
    }

    @Test
    void aSingleWriteReturnsItsResultOnceCommitted() {
        GroupCommit<Integer, String> commit = groupCommit(16, GroupCommitTest::insertAll);

        assertThat(commit.commit(7)).isEqualTo("r7#0");

        // Visible from another connection as soon as commit returns: it was committed, not just written.
        assertThat(rows()).containsExactly(Map.entry(7, "w7"));
        assertThat(groups).containsExactly(List.of(7));
    }

    @Test
    void writesThatPileUpShareOneTransactionAndEachCallerGetsItsOwnResult() {
        int writers = 32;
        Gate gate = new Gate();
        GroupCommit<Integer, String> commit = groupCommit(256, gate.holdingFirstGroup(GroupCommitTest::insertAll));
        Caller<String> first = Caller.start("writer-0", () -> commit.commit(0));
        gate.awaitFirstGroup();

        CountDownLatch go = new CountDownLatch(1);
        List<Caller<String>> others = new ArrayList<>();
        for (int i = 1; i < writers; i++) {
            int write = i;
            others.add(Caller.startWhen(go, "writer-" + i, () -> commit.commit(write)));
        }
        go.countDown();
        others.forEach(Caller::awaitBlocked);
        gate.open();

        assertThat(first.result()).isEqualTo("r0#0");
        List<String> results = others.stream().map(Caller::result).toList();
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0)).containsExactly(0);
        List<Integer> second = groups.get(1);
        assertThat(second).containsExactlyInAnyOrderElementsOf(IntStream.range(1, writers).boxed().toList());
        for (int i = 1; i < writers; i++) {
            assertThat(results.get(i - 1)).as("result of write %d", i).isEqualTo("r" + i + "#" + second.indexOf(i));
        }
        assertThat(groups.size()).as("transactions").isLessThan(writers);
        assertThat(rows()).hasSize(writers)
                .allSatisfy((id, label) -> assertThat(label).isEqualTo("w" + id))
                .containsKeys(IntStream.range(0, writers).boxed().toArray(Integer[]::new));
    }

    @Test
    void manyWritersStartedTogetherAllCommitWithTheirOwnResults() {
        int writers = 32;
        GroupCommit<Integer, String> commit = groupCommit(256, GroupCommitTest::insertAll);
        CountDownLatch go = new CountDownLatch(1);
        List<Caller<String>> callers = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int write = i;
            callers.add(Caller.startWhen(go, "writer-" + i, () -> commit.commit(write)));
        }
        go.countDown();

        for (int i = 0; i < writers; i++) {
            String result = callers.get(i).result();
            assertThat(result).as("result of write %d", i).startsWith("r" + i + "#");
            assertThat(result).isEqualTo("r" + i + "#" + groupOf(i).indexOf(i));
        }
        assertThat(groups.stream().mapToInt(List::size).sum()).isEqualTo(writers);
        assertThat(groups.stream().flatMap(List::stream).toList()).doesNotHaveDuplicates();
        assertThat(rows()).hasSize(writers).allSatisfy((id, label) -> assertThat(label).isEqualTo("w" + id));
    }

    @Test
    void groupsHoldAtMostMaxGroupWritesInArrivalOrder() {
        Gate gate = new Gate();
        GroupCommit<Integer, String> commit = groupCommit(4, gate.holdingFirstGroup(GroupCommitTest::insertAll));
        Caller<String> first = Caller.start("writer-0", () -> commit.commit(0));
        gate.awaitFirstGroup();
        // Queued one at a time, each parked before the next starts: the arrival order is 1, 2, ... 9.
        List<Caller<String>> queued = queueInOrder(commit, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        gate.open();

        assertThat(first.result()).isEqualTo("r0#0");
        assertThat(queued).extracting(Caller::result)
                .containsExactly("r1#0", "r2#1", "r3#2", "r4#3", "r5#0", "r6#1", "r7#2", "r8#3", "r9#0");
        assertThat(groups).containsExactly(List.of(0), List.of(1, 2, 3, 4), List.of(5, 6, 7, 8), List.of(9));
        assertThat(groups).allSatisfy(group -> assertThat(group).hasSizeLessThanOrEqualTo(4));
        assertThat(rows()).hasSize(10);
    }

    @Test
    void resultsComeBackInWriteOrderWithinAGroup() {
        Gate gate = new Gate();
        // Results that say nothing of their write, only of their position: write i must get result i.
        GroupCommit<Integer, String> commit = groupCommit(256, gate.holdingFirstGroup((handle, writes) -> {
            insertAll(handle, writes);
            return IntStream.range(0, writes.size()).mapToObj(i -> "result " + i).toList();
        }));
        Caller<String> first = Caller.start("writer-0", () -> commit.commit(0));
        gate.awaitFirstGroup();
        List<Caller<String>> queued = queueInOrder(commit, 50, 40, 30, 20, 10);
        gate.open();

        assertThat(first.result()).isEqualTo("result 0");
        assertThat(queued).extracting(Caller::result)
                .containsExactly("result 0", "result 1", "result 2", "result 3", "result 4");
        assertThat(groups).containsExactly(List.of(0), List.of(50, 40, 30, 20, 10));
    }

    @Test
    void aStoreFailureFailsEveryCallerOfItsGroupAndCommitsNoneOfIt() {
        db.jdbi().useHandle(handle -> handle.execute("INSERT INTO gc_item (id, label) VALUES (100, 'before')"));
        Gate gate = new Gate();
        GroupCommit<Integer, String> commit = groupCommit(256, gate.holdingFirstGroup(GroupCommitTest::insertAll));
        Caller<String> first = Caller.start("writer-0", () -> commit.commit(0));
        gate.awaitFirstGroup();
        // 100 is a duplicate primary key: the insert of the whole group [1, 100, 2] fails.
        List<Caller<String>> queued = queueInOrder(commit, 1, 100, 2);
        gate.open();

        assertThat(first.result()).isEqualTo("r0#0");
        List<Throwable> failures = queued.stream().map(Caller::failure).toList();
        Throwable failure = failures.get(0);
        assertThat(failure).isInstanceOf(StorageUnavailableException.class)
                .hasMessage("The durable store cannot " + PURPOSE)
                .hasCauseInstanceOf(JdbiException.class);
        assertThat(failures).allSatisfy(each -> assertThat(each).isSameAs(failure));
        assertThat(groups).containsExactly(List.of(0), List.of(1, 100, 2));
        // Write 1 was inserted before the duplicate failed: rolled back with the rest of its group.
        assertThat(rows()).containsExactly(Map.entry(0, "w0"), Map.entry(100, "before"));

        assertThat(commit.commit(3)).isEqualTo("r3#0");
        assertThat(rows()).containsExactly(Map.entry(0, "w0"), Map.entry(3, "w3"), Map.entry(100, "before"));
    }

    @Test
    void anExceptionFromTheWorkFailsEveryCallerOfItsGroupWithThatException() {
        IllegalArgumentException boom = new IllegalArgumentException("write -1 is refused");
        Gate gate = new Gate();
        GroupCommit<Integer, String> commit = groupCommit(256, gate.holdingFirstGroup((handle, writes) -> {
            List<String> results = insertAll(handle, writes);
            if (writes.contains(-1)) {
                throw boom;
            }
            return results;
        }));
        Caller<String> first = Caller.start("writer-0", () -> commit.commit(0));
        gate.awaitFirstGroup();
        List<Caller<String>> queued = queueInOrder(commit, 1, -1, 2);
        gate.open();

        assertThat(first.result()).isEqualTo("r0#0");
        assertThat(queued).allSatisfy(caller -> assertThat(caller.failure()).isSameAs(boom));
        assertThat(groups).containsExactly(List.of(0), List.of(1, -1, 2));
        assertThat(rows()).containsOnlyKeys(0);

        assertThat(commit.commit(3)).isEqualTo("r3#0");
        assertThat(rows()).containsOnlyKeys(0, 3);
    }

    @Test
    void workReturningTheWrongNumberOfResultsCommitsNothing() {
        GroupCommit<Integer, String> tooFew = groupCommit(256, (handle, writes) -> {
            insertAll(handle, writes);
            return List.of();
        });

        assertThatThrownBy(() -> tooFew.commit(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Group commit work returned 0 results for 1 writes");
        assertThat(rows()).isEmpty();

        Gate gate = new Gate();
        GroupCommit<Integer, String> tooMany = groupCommit(256, gate.holdingFirstGroup((handle, writes) -> {
            List<String> results = new ArrayList<>(insertAll(handle, writes));
            if (writes.contains(3)) {
                results.add("extra");
            }
            return results;
        }));
        Caller<String> first = Caller.start("writer-0", () -> tooMany.commit(0));
        gate.awaitFirstGroup();
        List<Caller<String>> queued = queueInOrder(tooMany, 2, 3, 4);
        gate.open();

        assertThat(first.result()).isEqualTo("r0#0");
        assertThat(queued).allSatisfy(caller -> assertThat(caller.failure())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Group commit work returned 4 results for 3 writes"));
        assertThat(rows()).containsOnlyKeys(0);
        assertThat(tooMany.commit(5)).isEqualTo("r5#0");
        assertThat(rows()).containsOnlyKeys(0, 5);
    }

    @Test
    void anErrorFromTheWorkFailsEveryCallerOfItsGroup() {
        Error broken = new WorkBroke();
        Gate gate = new Gate();
        GroupCommit<Integer, String> commit = groupCommit(256, gate.holdingFirstGroup((handle, writes) -> {
            insertAll(handle, writes);
            if (writes.contains(-1)) {
                throw broken;
            }
            return insertedResults(writes);
        }));
        Caller<String> first = Caller.start("writer-0", () -> commit.commit(0));
        gate.awaitFirstGroup();
        List<Caller<String>> queued = queueInOrder(commit, 1, -1, 2);
        gate.open();

        assertThat(first.result()).isEqualTo("r0#0");
        queued.forEach(Caller::awaitDone);
        assertThat(groups).containsExactly(List.of(0), List.of(1, -1, 2));
        assertThat(rows()).as("the group was rolled back").containsOnlyKeys(0);
        // Every caller of the group must fail; today the one that ran the group (writer-1) gets the Error and
        // the two others return null.
        assertThat(queued).allSatisfy(caller -> assertThat(caller.failure()).as(caller.name()).isSameAs(broken));
    }

    /** Starts a caller per write, each parked in commit (its write queued) before the next one starts. */
    private static List<Caller<String>> queueInOrder(GroupCommit<Integer, String> commit, int... writes) {
        List<Caller<String>> callers = new ArrayList<>();
        for (int write : writes) {
            callers.add(Caller.start("writer-" + write, () -> commit.commit(write)).awaitBlocked());
        }
        return callers;
    }

    private GroupCommit<Integer, String> groupCommit(int maxGroup, GroupCommit.Work<Integer, String> work) {
        return new GroupCommit<>(db.database(), PURPOSE, maxGroup, (handle, writes) -> {
            groups.add(List.copyOf(writes));
            return work.apply(handle, writes);
        });
    }

    private List<Integer> groupOf(int write) {
        synchronized (groups) {
            return groups.stream().filter(group -> group.contains(write)).findFirst().orElseThrow();
        }
    }

    private static List<String> insertAll(Handle handle, List<Integer> writes) {
        for (int write : writes) {
            handle.execute("INSERT INTO gc_item (id, label) VALUES (?, ?)", write, "w" + write);
        }
        return insertedResults(writes);
    }

    private static List<String> insertedResults(List<Integer> writes) {
        List<String> results = new ArrayList<>(writes.size());
        for (int i = 0; i < writes.size(); i++) {
            results.add("r" + writes.get(i) + "#" + i);
        }
        return results;
    }

    /** The committed rows, read on a connection of their own, by id. */
    private Map<Integer, String> rows() {
        Map<Integer, String> rows = new LinkedHashMap<>();
        db.jdbi().useHandle(handle -> handle.createQuery("SELECT id, label FROM gc_item ORDER BY id")
                .map((rs, ctx) -> Map.entry(rs.getInt("id"), rs.getString("label")))
                .forEach(row -> rows.put(row.getKey(), row.getValue())));
        return rows;
    }

    /** An Error (not an Exception) thrown by the work. */
    private static final class WorkBroke extends Error {
        WorkBroke() {
            super("work broke");
        }
    }

    /** Holds the first group's transaction open (inside the work, lock held) until the test opens it. */
    private static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch open = new CountDownLatch(1);
        private final AtomicBoolean first = new AtomicBoolean(true);

        GroupCommit.Work<Integer, String> holdingFirstGroup(GroupCommit.Work<Integer, String> work) {
            return (handle, writes) -> {
                if (first.getAndSet(false)) {
                    entered.countDown();
                    await(open, "the gate to open");
                }
                return work.apply(handle, writes);
            };
        }

        void awaitFirstGroup() {
            await(entered, "the first group's work to start");
        }

        void open() {
            open.countDown();
        }

        private static void await(CountDownLatch latch, String what) {
            try {
                if (!latch.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("Gave up waiting for " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }
}
