package io.satc.compiler.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Measures what splitting the fp32 MiniLM at every cut costs: wall time and peak memory, sampled
 * every few milliseconds (Java heap in use, and the process's resident set, which includes ONNX
 * Runtime's native allocations). The figures are printed, and recorded in docs/onnx-splitting.md.
 */
class SplitCostMeasurementTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void fp32MiniLmAllCuts() throws Exception {
        Path model = TestModels.miniLm();
        List<Integer> cuts = List.of(0, 1, 2, 3, 4, 5, 6);
        for (String round : List.of("first", "second")) {
            System.gc();
            long heapBefore = heapUsed();
            long rssBefore = rss();
            AtomicLong heapPeak = new AtomicLong(heapBefore);
            AtomicLong rssPeak = new AtomicLong(rssBefore);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (running.get()) {
                    heapPeak.accumulateAndGet(heapUsed(), Math::max);
                    rssPeak.accumulateAndGet(rss(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            ModelSplit split =
                    ModelSplitter.split(model, cuts, Optional.empty()).orElseThrow();
            long millis = (System.nanoTime() - start) / 1_000_000;
            running.set(false);
            sampler.join();
            assertEquals(8, split.parts().size());
            long partBytes =
                    split.parts().stream().mapToLong(p -> p.onnx().length).sum();
            System.out.printf(
                    Locale.ROOT,
                    "split fp32 all-MiniLM-L6-v2 (%d bytes) at all 7 cuts, %s run: %d ms; parts %d bytes;"
                            + " Java heap peak %.0f MiB (+%.0f MiB over %.0f MiB before);"
                            + " resident set peak %.0f MiB (+%.0f MiB); max heap %.0f MiB%n",
                    Files.size(model),
                    round,
                    millis,
                    partBytes,
                    mib(heapPeak.get()),
                    mib(heapPeak.get() - heapBefore),
                    mib(heapBefore),
                    mib(rssPeak.get()),
                    mib(rssPeak.get() - rssBefore),
                    mib(Runtime.getRuntime().maxMemory()));
        }
    }

    private static long heapUsed() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** Resident set size in bytes, or 0 where /proc is not available. */
    private static long rss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return 1024 * Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
