package io.satc.runtime.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one lifecycle of a run's threads, for {@link PipelineRunner} and {@link NodeRunner} alike:
 * start a thread per worker, release them together once every one has prepared, wait for the
 * run to end, and on a failure, a timeout or an interrupt of the calling thread stop them all
 * (interrupt, abort blocking I/O, join). What the workers use (stage sessions) is closed by
 * {@link #closeAfterStop} only once every thread has ended, never under a running one.
 */
final class WorkerThreads {

    /** How long {@link #stop} waits for each thread to end. */
    static final long JOIN_GRACE_NANOS = 2_000_000_000L;

    private final RunControl control;
    private final List<Thread> threads;
    private boolean interrupted;
    private boolean stopped;

    private WorkerThreads(RunControl control, List<Thread> threads) {
        this.control = control;
        this.threads = threads;
    }

    /** Starts one daemon thread per worker, named {@code prefix + name}; they prepare, then wait at the gate. */
    static WorkerThreads start(RunControl control, List<Worker> workers, String prefix) {
        control.watch(workers);
        List<Thread> threads = new ArrayList<>();
        for (Worker w : workers) {
            Thread t = new Thread(w, prefix + w.name);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        return new WorkerThreads(control, threads);
    }

    /**
     * Waits until every worker has prepared, calls {@code onStart}, opens the gate and waits for
     * the run to complete or fail, until {@code deadlineNanos} ({@link System#nanoTime()}). Records
     * a timeout as the run's failure, and an interrupt of the calling thread as well.
     */
    void await(
            long deadlineNanos,
            Supplier<PipelineFailure> warmUpTimeout,
            Supplier<PipelineFailure> runTimeout,
            Runnable onStart) {
        try {
            if (!control.awaitReady(deadlineNanos - System.nanoTime())) {
                control.fail(warmUpTimeout.get());
            }
            onStart.run();
            control.start();
            if (!control.failed() && !control.awaitFinished(deadlineNanos - System.nanoTime())) {
                control.fail(runTimeout.get());
            }
        } catch (InterruptedException e) {
            interrupted = true;
            control.fail(RunControl.failureOf("pipeline", "pipeline", -1, "The run was interrupted."));
            control.start(); // workers still at the gate see the failure and end
        }
    }

    /**
     * Ends every thread: after a failure, interrupts each and calls {@code abort} (to unblock a
     * thread waiting on a link), then joins each for up to {@link #JOIN_GRACE_NANOS}. An interrupt
     * of the calling thread meanwhile does not cut the joins short; it is kept for
     * {@link #interrupted()}. Idempotent.
     *
     * @return whether every thread has ended
     */
    boolean stop(Runnable abort) {
        if (!stopped) {
            stopped = true;
            if (control.failed()) {
                threads.forEach(Thread::interrupt);
                abort.run();
            }
            for (Thread t : threads) {
                long until = System.nanoTime() + JOIN_GRACE_NANOS;
                while (t.isAlive() && System.nanoTime() < until) {
                    try {
                        TimeUnit.NANOSECONDS.timedJoin(t, until - System.nanoTime());
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
        }
        return ended();
    }

    /** Whether every thread has ended. */
    boolean ended() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Whether the calling thread was interrupted while it waited; the caller re-asserts the flag. */
    boolean interrupted() {
        return interrupted;
    }

    /**
     * Stops the threads (after recording {@code reason} as the failure if the run has none yet,
     * for an exception of the calling thread) and closes {@code resources} once they have ended;
     * a thread that outlived its grace keeps them open, and each is named in {@code warnings}.
     */
    void closeAfterStop(
            Supplier<PipelineFailure> reason,
            Runnable abort,
            List<? extends AutoCloseable> resources,
            List<String> warnings) {
        if (!stopped && !control.over()) {
            control.fail(reason.get());
        }
        if (stop(abort)) {
            closeAll(resources, warnings);
            return;
        }
        List<String> running = new ArrayList<>();
        for (Thread t : threads) {
            if (t.isAlive()) {
                running.add(t.getName());
            }
        }
        warnings.add("Thread " + String.join(", ", running) + " did not stop within "
                + JOIN_GRACE_NANOS / 1_000_000_000L + " s, so " + resources.size()
                + " stage session(s) were left open rather than closed under it.");
    }

    /** Closes each resource; a failure to close is a warning, since the run's result stands. */
    static void closeAll(List<? extends AutoCloseable> resources, List<String> warnings) {
        for (AutoCloseable c : resources) {
            try {
                c.close();
            } catch (Exception e) {
                warnings.add("A stage compute failed to close: " + e.getMessage());
            }
        }
    }
}
