package io.satc.compiler.lsp;

import java.util.Locale;

/**
 * The large valid mission of bench/gen-constellation.sh, written in Java for the LSP benchmark and
 * tests: N satellites, a ring of bidirectional links plus N-1 one-way chords, one station.
 */
final class LargeMissions {

    private LargeMissions() {}

    static String generate(int n) {
        StringBuilder b = new StringBuilder(n * 200);
        b.append("mission \"generated-").append(n).append("\" {\n");
        b.append(
                "  model vit-g { arch = vit(layers = 48, hidden = 1664, mlp = 8192, heads = 16, patch = 14, image = 224);"
                        + " precision = fp16 }\n");
        b.append("  workload { batch = 64; micro_batches = 8 }\n");
        b.append("  accuracy { max_loss = 1 % }\n");
        b.append("  codec mask { ratio = 25.8x; loss = 0.3 % }\n");
        b.append("  codecs = [fp16, int8, int4, mask]\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(Locale.ROOT, "  satellite sat-%d { compute = 10.6 TFLOPS; memory = 8 GB }%n", i));
        }
        b.append("  ground gs { compute = 100 TFLOPS }\n");
        for (int i = 0; i < n; i++) {
            b.append(String.format(
                    Locale.ROOT, "  link sat-%d <-> sat-%d { rate = 0.5 Gbps; distance = 1200 km }%n", i, (i + 1) % n));
        }
        for (int i = 0; i < n - 1; i++) {
            b.append(String.format(
                    Locale.ROOT, "  link sat-%d -> sat-%d { rate = 0.5 Gbps; distance = 2400 km }%n", i, (i + 2) % n));
        }
        b.append("  link sat-0 -> gs { rate = 0.5 Gbps; latency = 4 ms }\n");
        b.append("  source = sat-0\n  sink = gs\n}\n");
        return b.toString();
    }
}
