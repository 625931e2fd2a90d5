package com.bensbot.trading.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A durable local queue of records that the store could not take: one file per record, written to a temporary
 * name, forced to disk, renamed into place and the directory forced, so that a record is either whole or absent
 * after a crash. Records are read back in the order they were written. The directory belongs to one process at a
 * time (an exclusive lock on {@code .lock}): two instances sharing it would replay each other's records.
 */
public final class Spool implements AutoCloseable {
    private static final String SUFFIX = ".rec";
    private static final String LOCK = ".lock";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicLong sequence;

    private Spool(Path directory, FileChannel lockChannel, FileLock lock, long nextSequence) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.sequence = new AtomicLong(nextSequence);
    }

    /** Opens (creating) the directory and locks it; fails with one clear message when another process holds it. */
    public static Spool open(Path directory) {
        try {
            Files.createDirectories(directory);
            FileChannel channel = FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("The spool directory " + directory.toAbsolutePath()
                        + " is in use by another instance; give each instance its own database.spoolDirectory");
            }
            Spool spool = new Spool(directory, channel, lock, 0);
            spool.sequence.set(spool.lastSequence() + 1);
            return spool;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the spool directory " + directory.toAbsolutePath(), e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Writes one record durably; returns once it is on disk. */
    public Path append(byte[] record) throws IOException {
        String name = String.format("%019d", sequence.getAndIncrement()) + SUFFIX;
        Path temporary = directory.resolve(name + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Path target = directory.resolve(name);
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target);
        }
        forceDirectory();
        return target;
    }

    /** The records waiting, oldest first. */
    public List<Path> pending() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    public byte[] read(Path record) throws IOException {
        return Files.readAllBytes(record);
    }

    /** Removes a record once the store has taken it. */
    public void remove(Path record) throws IOException {
        Files.deleteIfExists(record);
        forceDirectory();
    }

    private long lastSequence() throws IOException {
        List<Path> pending = pending();
        if (pending.isEmpty()) {
            return 0;
        }
        String name = pending.get(pending.size() - 1).getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
