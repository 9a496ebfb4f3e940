package io.satc.runtime.pipeline;

import java.util.concurrent.BlockingQueue;

/**
 * The body of one pipeline thread: prepare before the clock starts, then move M micro-batches,
 * turning anything thrown into the run's failure so that no thread dies silently.
 */
abstract class Worker implements Runnable {

    final String name;
    final String kind;
    final RunControl control;
    /** The micro-batch being processed, −1 outside the loop. */
    volatile long current = -1;
    /** Whether the thread is working (not waiting on a queue), and since when; read to find a stuck resource. */
    private volatile boolean busy;

    private volatile long busySince;

    Worker(String name, String kind, RunControl control) {
        this.name = name;
        this.kind = kind;
        this.control = control;
    }

    /** Work done before the clock starts (warm-up, pre-encoding). */
    void prepare() throws Exception {}

    abstract void loop() throws Exception;

    @Override
    public final void run() {
        boolean prepared = false;
        try {
            prepare();
            prepared = true;
        } catch (Throwable e) {
            control.fail(RunControl.failureOf(name, kind, current, sentence("could not start", e)));
        } finally {
            current = -1;
            control.ready();
        }
        if (!prepared) {
            return;
        }
        try {
            control.awaitStart();
            if (!control.failed()) {
                loop();
            }
        } catch (InterruptedException e) {
            if (!control.failed()) {
                control.fail(RunControl.failureOf(name, kind, current, capitalised(name) + " was interrupted."));
            }
        } catch (RunControl.StallException e) {
            control.fail(stallFailure(e));
        } catch (Throwable e) {
            control.fail(RunControl.failureOf(
                    name, kind, current, sentence(current >= 0 ? "failed on micro-batch " + current : "failed", e)));
        } finally {
            busy = false; // a finished worker is not a stuck one
        }
    }

    /** Takes from a queue, counting the wait as idle time. */
    <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException, RunControl.StallException {
        busy = false;
        T item = control.take(queue, what);
        busySince = System.nanoTime();
        busy = true;
        return item;
    }

    /** Puts on a queue, counting the wait as idle time. */
    <T> void put(BlockingQueue<T> queue, T item, String what) throws InterruptedException, RunControl.StallException {
        busy = false;
        control.put(queue, item, what);
        busySince = System.nanoTime();
        busy = true;
    }

    /** Nanoseconds this worker has been working without touching a queue, or −1 when it is waiting. */
    long busyFor(long now) {
        return busy ? now - busySince : -1;
    }

    /**
     * A stall is reported against the resource that stopped moving (the one busy the longest),
     * not against whichever waiting neighbour timed out first.
     */
    private PipelineFailure stallFailure(RunControl.StallException e) {
        String waiting = capitalised(name) + " stalled: " + e.getMessage();
        Worker stuck = control.longestBusy(this);
        if (stuck == null) {
            return RunControl.failureOf(name, kind, current, waiting);
        }
        long mb = stuck.current;
        return RunControl.failureOf(
                stuck.name,
                stuck.kind,
                mb,
                capitalised(stuck.name) + " made no progress for "
                        + String.format(java.util.Locale.ROOT, "%.1f", stuck.busyFor(System.nanoTime()) / 1e9) + " s"
                        + (mb >= 0 ? " on micro-batch " + mb : "") + ". " + waiting);
    }

    private String sentence(String what, Throwable e) {
        String detail = e.getMessage() == null
                ? e.getClass().getName()
                : e instanceof LinkFailure || e instanceof io.satc.runtime.transport.TransportException
                        ? e.getMessage()
                        : e.getClass().getSimpleName() + ": " + e.getMessage();
        return capitalised(name) + " " + what + ": " + detail + (detail.endsWith(".") ? "" : ".");
    }

    static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
