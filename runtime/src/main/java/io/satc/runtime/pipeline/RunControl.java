package io.satc.runtime.pipeline;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the threads of one run share: the first failure, the finish signal, the start gate and
 * queue operations that fail instead of waiting forever.
 */
final class RunControl {

    private final AtomicReference<PipelineFailure> failure = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private final long stallNanos;
    private volatile long startNanos;
    private volatile List<Worker> workers = List.of();

    RunControl(int workers, long stallNanos) {
        this.ready = new CountDownLatch(workers);
        this.stallNanos = stallNanos;
    }

    /** The workers {@link #longestBusy} inspects. */
    void watch(List<Worker> all) {
        workers = List.copyOf(all);
    }

    /**
     * The worker other than {@code asking} that has been working longest without touching a
     * queue, if that is at least half the stall timeout; null when every other worker is waiting.
     */
    Worker longestBusy(Worker asking) {
        long now = System.nanoTime();
        Worker longest = null;
        long most = stallNanos / 2;
        for (Worker w : workers) {
            long busy = w.busyFor(now);
            if (w != asking && busy >= most) {
                longest = w;
                most = busy;
            }
        }
        return longest;
    }

    /** Records {@code f} unless another failure came first, and wakes the runner. */
    void fail(PipelineFailure f) {
        if (failure.compareAndSet(null, f)) {
            finished.countDown();
        }
    }

    void complete() {
        finished.countDown();
    }

    /** Whether the run has completed or failed. */
    boolean over() {
        return finished.getCount() == 0;
    }

    boolean failed() {
        return failure.get() != null;
    }

    PipelineFailure failure() {
        return failure.get();
    }

    boolean awaitFinished(long nanos) throws InterruptedException {
        return finished.await(nanos, TimeUnit.NANOSECONDS);
    }

    void ready() {
        ready.countDown();
    }

    boolean awaitReady(long nanos) throws InterruptedException {
        return ready.await(nanos, TimeUnit.NANOSECONDS);
    }

    void start() {
        go.countDown();
    }

    void awaitStart() throws InterruptedException {
        go.await();
    }

    void markStart(long nanos) {
        startNanos = nanos;
    }

    long startNanos() {
        return startNanos;
    }

    <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException, StallException {
        T item = queue.poll(stallNanos, TimeUnit.NANOSECONDS);
        if (item == null) {
            throw new StallException("No frame arrived for " + stallNanos / 1e9 + " s while waiting for " + what + ".");
        }
        return item;
    }

    <T> void put(BlockingQueue<T> queue, T item, String what) throws InterruptedException, StallException {
        if (!queue.offer(item, stallNanos, TimeUnit.NANOSECONDS)) {
            throw new StallException("No room for " + stallNanos / 1e9 + " s while handing a frame to " + what + ".");
        }
    }

    /** A queue operation timed out: some resource downstream or upstream stopped moving. */
    static final class StallException extends Exception {
        StallException(String message) {
            super(message);
        }
    }

    static PipelineFailure failureOf(String resource, String kind, long microBatch, String message) {
        return new PipelineFailure(
                resource, kind, microBatch < 0 ? OptionalLong.empty() : OptionalLong.of(microBatch), message);
    }
}
