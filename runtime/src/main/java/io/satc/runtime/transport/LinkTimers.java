package io.satc.runtime.transport;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one timer thread of a process's links: heartbeats and reconnection attempts, each a short
 * task that only sends a small message or starts a call. A daemon, so it never keeps a process
 * alive.
 */
final class LinkTimers {

    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "link timers");
        t.setDaemon(true);
        return t;
    });

    private LinkTimers() {}

    static ScheduledFuture<?> every(long nanos, Runnable task) {
        return TIMERS.scheduleWithFixedDelay(task, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    static ScheduledFuture<?> after(long nanos, Runnable task) {
        return TIMERS.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }
}
