package io.satc.compiler.plan;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The three reference problems of the planner benchmark, built numerically (no mission file):
 * a ViT-G-like model on five satellites, LLaMA-2-70B on 24 satellites, and LLaMA-2-70B on a
 * 66-satellite Walker shell. The numbers are documented in docs/planner.md.
 */
public final class BenchmarkProblems {

    private static final double SPEED_OF_LIGHT_KM_S = 299_792.458;
    private static final double[] SPEED_CLASSES = {5.3e12, 10.6e12, 21.2e12};

    private BenchmarkProblems() {}

    /** ViT-G/14-like: stem, 48 blocks of 1.84e9/48 fp16 parameters, head; 257 tokens of width 1664. */
    public static PlacementProblem vitG() {
        double act = 257 * 1664 * 2.0;
        double blockParams = 1.84e9 / 48;
        List<ModelUnit> units = new ArrayList<>();
        units.add(new ModelUnit("stem", 14 * 14 * 3 * 1664 * 2.0, 2.0 * 14 * 14 * 3 * 1664 * 256, act));
        for (int i = 0; i < 48; i++) {
            units.add(new ModelUnit("block." + i, blockParams * 2, 2 * blockParams * 257, act));
        }
        units.add(new ModelUnit("head", 1664 * 1000 * 2.0, 2.0 * 1664 * 1000, 1000 * 2.0));
        List<ComputeNode> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            nodes.add(new ComputeNode("sat-" + i, NodeKind.SATELLITE, SPEED_CLASSES[(i - 1) % 3], 8e9));
        }
        nodes.add(new ComputeNode("ground", NodeKind.GROUND, 50e12, Double.POSITIVE_INFINITY));
        for (int i = 1; i <= 5; i++) {
            both(links, "sat-" + i, "sat-" + (i % 5 + 1), 0.5e9, 1500);
        }
        both(links, "sat-5", "ground", 0.5e9, 1000);
        int cuts = units.size() - 1;
        List<CodecOption> codecs = List.of(
                CodecOption.uniform("fp16", cuts, 1.0, 0.0, Double.POSITIVE_INFINITY),
                CodecOption.uniform("int8", cuts, 2.0, 0.001, 4e9),
                CodecOption.uniform("int4", cuts, 4.0, 0.005, 4e9),
                CodecOption.uniform("mask", cuts, 25.8, 0.003, 2e9));
        return new PlacementProblem(
                "vit-g",
                units,
                224 * 224 * 3.0,
                64,
                8,
                nodes,
                links,
                codecs,
                "sat-1",
                "ground",
                0.01,
                OptionalInt.empty());
    }

    /** LLaMA-2-70B prefill of 512 tokens: embedding, 80 blocks of 0.856e9 fp16 parameters, head. */
    public static List<ModelUnit> llama70b() {
        double act = 512 * 8192 * 2.0;
        List<ModelUnit> units = new ArrayList<>();
        units.add(new ModelUnit("embed", 32000 * 8192 * 2.0, 512 * 8192.0, act));
        for (int i = 0; i < 80; i++) {
            units.add(new ModelUnit("block." + i, 0.856e9 * 2, 2 * 0.856e9 * 512, act));
        }
        units.add(new ModelUnit("head", 32000 * 8192 * 2.0, 2.0 * 32000 * 8192, 32000 * 2.0));
        return units;
    }

    private static List<CodecOption> llamaCodecs(int cuts) {
        return List.of(
                CodecOption.uniform("fp8", cuts, 2.0, 0.002, Double.POSITIVE_INFINITY),
                CodecOption.uniform("int8", cuts, 2.0, 0.001, 8e9),
                CodecOption.uniform("int4", cuts, 4.0, 0.006, 8e9),
                CodecOption.uniform("topk", cuts, 5.0, 0.008, 4e9),
                CodecOption.uniform("mask", cuts, 25.8, 0.003, 2e9));
    }

    /** LLaMA-2-70B on 24 satellites of 32 GB in two planes of 12 with grid links. */
    public static PlacementProblem llama24() {
        return walker("llama-24", 2, 12, OptionalInt.empty());
    }

    /** LLaMA-2-70B on a 66-satellite Walker shell (6 planes of 11, grid links), at most 8 stages. */
    public static PlacementProblem walker66() {
        return walker("walker-66", 6, 11, OptionalInt.of(8));
    }

    private static PlacementProblem walker(String name, int planes, int perPlane, OptionalInt maxStages) {
        List<ModelUnit> units = llama70b();
        List<ComputeNode> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int p = 0; p < planes; p++) {
            for (int s = 0; s < perPlane; s++) {
                nodes.add(new ComputeNode(sat(p, s), NodeKind.SATELLITE, SPEED_CLASSES[(p + s) % 3] * 2, 32e9));
                both(links, sat(p, s), sat(p, (s + 1) % perPlane), 1e9, 3000);
                if (p + 1 < planes) {
                    both(links, sat(p, s), sat(p + 1, s), 1e9, 2000 + 300 * s);
                }
            }
        }
        nodes.add(new ComputeNode("ground", NodeKind.GROUND, 100e12, Double.POSITIVE_INFINITY));
        for (int p = 0; p < planes; p += 2) {
            both(links, sat(p, perPlane / 2), "ground", 1e9, 1000 + 100 * p);
        }
        return new PlacementProblem(
                name,
                units,
                512 * 4.0,
                16,
                4,
                nodes,
                links,
                llamaCodecs(units.size() - 1),
                sat(0, 0),
                "ground",
                0.01,
                maxStages);
    }

    private static String sat(int plane, int slot) {
        return String.format("p%d-s%02d", plane, slot);
    }

    private static void both(List<Link> links, String a, String b, double rate, double km) {
        links.add(new Link(a, b, rate, km / SPEED_OF_LIGHT_KM_S));
        links.add(new Link(b, a, rate, km / SPEED_OF_LIGHT_KM_S));
    }
}
