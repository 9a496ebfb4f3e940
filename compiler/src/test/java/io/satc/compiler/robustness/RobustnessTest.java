package io.satc.compiler.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.satc.compiler.diag.Diagnostic;
import io.satc.compiler.diag.DiagnosticJson;
import io.satc.compiler.diag.DiagnosticRenderer;
import io.satc.compiler.sema.AnalysisResult;
import io.satc.compiler.sema.Analyzer;
import io.satc.compiler.source.SourceReader;
import io.satc.compiler.syntax.MissionParser;
import io.satc.compiler.testing.RepoPaths;
import io.satc.grammar.SatcLexer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The front end on hostile input: mutated, truncated, random and pathological missions. Nothing
 * may throw, every diagnostic must carry a code and a position inside the file, and each input
 * must be handled well within a second.
 */
class RobustnessTest {

    private static final long MAX_NANOS_PER_INPUT = 1_000_000_000L;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private static final DiagnosticRenderer RENDERER = new DiagnosticRenderer(false);
    private static List<String> seeds;
    private static int inputs;

    @BeforeAll
    static void loadSeeds() throws IOException {
        seeds = new ArrayList<>();
        for (Path p : RepoPaths.missions(RepoPaths.examples())) {
            byte[] bytes = Files.readAllBytes(p);
            String s = new String(bytes, StandardCharsets.UTF_8);
            if (!s.contains("\uFFFD")) {
                seeds.add(s);
            }
        }
        assertTrue(seeds.size() >= 4, "need example missions as seeds");
    }

    /** Runs one input through everything `satc check` does and checks the invariants. */
    static void survive(byte[] bytes) {
        inputs++;
        // CPU time of this thread, not wall time: the bound is on our work, not on a loaded CI machine.
        long t0 = CPU.getCurrentThreadCpuTime();
        List<Diagnostic> diagnostics;
        String text;
        try {
            SourceReader.Result read = SourceReader.decode("fuzz.sat", null, bytes);
            if (!read.ok()) {
                diagnostics = read.diagnostics();
                text = "";
            } else {
                AnalysisResult r = Analyzer.analyze(MissionParser.parse(read.source()));
                diagnostics = r.diagnostics();
                text = read.source().text();
                if (r.mission().isEmpty()) {
                    assertTrue(r.hasErrors(), "no mission and no error for input: " + preview(bytes));
                }
            }
            for (Diagnostic d : diagnostics) {
                assertTrue(d.code() != null);
            }
            // The CLI renders at most 100 per file (--max-diagnostics); so does this check.
            for (Diagnostic d : diagnostics.subList(0, Math.min(100, diagnostics.size()))) {
                assertTrue(d.code().id().matches("SATC\\d{4}"));
                assertTrue(
                        d.span().end()
                                <= Math.max(text.length(), d.source().text().length()),
                        "span past end of file");
                assertTrue(d.line() >= 1 && d.column() >= 1);
                assertTrue(!d.message().isBlank());
                RENDERER.render(d);
            }
            DiagnosticJson.render(diagnostics.subList(0, Math.min(1000, diagnostics.size())), 1);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("exception escaped on input: " + preview(bytes), e);
        }
        long elapsed = CPU.getCurrentThreadCpuTime() - t0;
        if (elapsed > MAX_NANOS_PER_INPUT) {
            fail("input took CPU " + elapsed / 1_000_000 + " ms (" + bytes.length + " bytes): " + preview(bytes));
        }
    }

    static void survive(String text) {
        survive(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String preview(byte[] bytes) {
        String s = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8);
        return "[" + bytes.length + " bytes] " + s.replace("\n", "\\n");
    }

    private static List<String> tokens(String text) {
        SatcLexer lexer = new SatcLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        List<String> out = new ArrayList<>();
        for (Token t : lexer.getAllTokens()) {
            out.add(t.getText());
        }
        return out;
    }

    private static void tokenMutations(int perSeed, Random random, String kind, Consumer<List<String>> mutate) {
        for (String seed : seeds) {
            List<String> base = tokens(seed);
            for (int i = 0; i < perSeed; i++) {
                List<String> t = new ArrayList<>(base);
                mutate.accept(t);
                survive(String.join(" ", t));
            }
        }
    }

    @Test
    void tokenDeletionDuplicationAndSwapping() {
        Random random = new Random(42);
        int perSeed = Math.max(200, 3600 / seeds.size() / 3);
        int before = inputs;
        tokenMutations(perSeed, random, "delete", t -> {
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n && !t.isEmpty(); k++) {
                t.remove(random.nextInt(t.size()));
            }
        });
        tokenMutations(perSeed, random, "duplicate", t -> {
            int i = random.nextInt(t.size());
            t.add(i, t.get(i));
        });
        tokenMutations(perSeed, random, "swap", t -> {
            int i = random.nextInt(t.size());
            int j = random.nextInt(t.size());
            String x = t.get(i);
            t.set(i, t.get(j));
            t.set(j, x);
        });
        assertTrue(inputs - before >= 3600, "ran " + (inputs - before) + " token mutations");
    }

    @Test
    void truncationAtEveryOffset() {
        int before = inputs;
        for (String seed : seeds.subList(0, 2)) {
            for (int i = 0; i <= seed.length(); i++) {
                survive(seed.substring(0, i));
            }
        }
        assertTrue(inputs - before >= 1000);
    }

    @Test
    void randomBytesAndInvalidUtf8() {
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            survive(b);
        }
        for (int i = 0; i < 100; i++) {
            byte[] seed = seeds.get(i % seeds.size()).getBytes(StandardCharsets.UTF_8);
            byte[] b = seed.clone();
            b[random.nextInt(b.length)] = (byte) (0x80 | random.nextInt(0x80));
            survive(b);
        }
        survive(new byte[] {(byte) 0xC3});
        survive(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        survive(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        survive(new byte[0]);
        survive("   \n\n  # only a comment\n");
    }

    @Test
    void pathologicalShapes() {
        String deep = "mission x {\n  codecs = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n}\n";
        survive(deep);
        survive("mission x " + "{".repeat(10_000) + "}".repeat(10_000));
        survive("mission x { m = f" + "(".repeat(10_000));
        String digits = "9".repeat(400);
        for (String v : List.of(
                digits,
                digits + " GB",
                "0." + "0".repeat(399) + "1 %",
                "-" + digits + " TFLOPS",
                "1e400 GB",
                digits + "." + digits)) {
            survive("mission x {\n  model m { arch = vit(layers = " + digits
                    + ", hidden = 1, mlp = 1, heads = 1, patch = 1, image = 1) }\n"
                    + "  workload { batch = " + v + "; micro_batches = " + v + "; input = " + v + " }\n"
                    + "  satellite a { compute = " + v + "; memory = " + v + " }\n  ground g { compute = " + v + " }\n"
                    + "  link a -> g { rate = " + v + "; distance = " + v + " }\n  source = a; sink = g\n}\n");
        }
        survive("\"" + "x".repeat(100_000));
        survive("/*" + "*".repeat(100_000));
        survive("mission x {\n" + "  a = 1\n".repeat(50_000) + "}\n");
    }

    @Test
    void tenMegabyteFile() {
        StringBuilder sb = new StringBuilder("mission big {\n");
        int i = 0;
        while (sb.length() < 10_000_000) {
            sb.append("  # padding ").append("x".repeat(200)).append('\n');
            sb.append("  satellite s").append(i++).append(" { compute = 1 TFLOPS; memory = 1 GB }\n");
        }
        sb.append("}\n");
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length >= 10_000_000);
        survive(bytes);
        byte[] junk = new byte[10_000_000];
        new Random(3).nextBytes(junk);
        survive(junk);
    }

    @Test
    void atLeastFiveThousandInputsOverall() {
        // Counted across the other tests when they run in one JVM; standalone it runs its own.
        if (inputs < 5_000) {
            Random random = new Random(99);
            while (inputs < 5_000) {
                String seed = seeds.get(random.nextInt(seeds.size()));
                int a = random.nextInt(seed.length());
                int b = Math.min(seed.length(), a + random.nextInt(20));
                survive(seed.substring(0, a) + seed.substring(b));
            }
        }
        assertEquals(true, inputs >= 5_000);
    }
}
