package io.satc.compiler.model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What splitting the fp32 MiniLM at every cut costs ({@code satc bench split}, figures in
 * docs/onnx-splitting.md): wall time and peak memory of reading, parsing and splitting, sampled
 * every 2 ms (Java heap in use, and the process's resident set, which includes ONNX Runtime's
 * native allocations), in a first and a second round in one JVM.
 */
public final class SplitBench {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String MODEL = "examples/models/all-minilm-l6-v2/all-minilm-l6-v2.onnx";

    private SplitBench() {}

    /** Runs both rounds on the model under the repository {@code root}; false, after saying why, when it fails. */
    public static boolean run(Path root, PrintStream out) throws InterruptedException {
        Path model = root.resolve(MODEL);
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
            ModelResult<ModelSplit> split = ModelSplitter.split(model, cuts, SplitOptions.defaults());
            long millis = (System.nanoTime() - start) / 1_000_000;
            running.set(false);
            sampler.join();
            if (split instanceof ModelResult.Failed<ModelSplit> f) {
                out.println("split: " + f.error().message()
                        + " (the fp32 MiniLM is unpacked by the build; pass the repository with --repo)");
                return false;
            }
            long partBytes = split.orElseThrow().parts().stream()
                    .mapToLong(p -> p.onnx().length)
                    .sum();
            out.printf(
                    Locale.ROOT,
                    "split fp32 all-MiniLM-L6-v2 (%d bytes) at all 7 cuts, %s run: %d ms; parts %d bytes;"
                            + " Java heap peak %.0f MiB (+%.0f MiB over %.0f MiB before);"
                            + " resident set peak %.0f MiB (+%.0f MiB); max heap %.0f MiB%n",
                    size(model),
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
        return true;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
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
