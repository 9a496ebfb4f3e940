package io.satc.compiler.plan;

import io.satc.compiler.lower.ArchitectureCatalogue;
import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.UnitCost;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The reference problems of the planner benchmark, built numerically (no mission file): a
 * ViT-G-like model on five satellites, LLaMA-2-70B on 24 satellites and on a 66-satellite grid
 * (cost model 1), and LLaMA-2-7B over the moving shells of cost model 2, whose contact plans
 * {@link SyntheticShell} computes. The numbers are documented in docs/planner.md.
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

    /** LLaMA-2-7B as the catalogue profiles it: fp16, a context of 512 tokens, 34 units. */
    public static List<ModelUnit> llama7b() {
        Map<String, Long> arch = Map.of(
                "layers",
                32L,
                "hidden",
                4096L,
                "mlp",
                11008L,
                "heads",
                32L,
                "kv_heads",
                32L,
                "vocab",
                32000L,
                "context",
                512L);
        List<ModelUnit> units = new ArrayList<>();
        for (UnitCost u : ArchitectureCatalogue.units("llama", arch, 2)) {
            units.add(new ModelUnit(u.name(), u.weightBytes(), u.flopsPerSample(), u.outBytesPerSample()));
        }
        return units;
    }

    /** The built-in codecs of a catalogue fp16 model without calibration (docs/cost-model.md). */
    private static List<CodecOption> defaultCodecs(int cuts) {
        double inf = Double.POSITIVE_INFINITY;
        return List.of(
                CodecOption.uniform("fp16", cuts, 1.0, 0.0, inf),
                CodecOption.uniform("int8", cuts, 2.0, 0.001, inf),
                CodecOption.uniform("int4", cuts, 2.0 / (0.5 + 2.0 / 32), 0.01, inf),
                CodecOption.uniform("topk(10%)", cuts, 2.0 / (0.1 + 1.0 / 8), 0.05 * 0.9 * 0.9, inf));
    }

    static final SyntheticShell.Station SEATTLE =
            new SyntheticShell.Station("seattle", 47.6, -122.3, 0.05, 25.0, 0.5e9);
    static final SyntheticShell.Station FAIRBANKS =
            new SyntheticShell.Station("fairbanks", 64.86, -147.72, 0.14, 25.0, 0.5e9);
    static final SyntheticShell.Station BOULDER =
            new SyntheticShell.Station("boulder", 40.01, -105.27, 1.63, 25.0, 0.5e9);

    /**
     * LLaMA-2-7B on the Starlink-class shell of shared/spec/orbits.md (Walker 53°: 1584/72/39 at
     * 550 km, grid ISLs of 100 Gb/s up to 5 000 km, 5.3 TFLOPS and 8 GB per satellite) over 90
     * minutes from 2026-12-04T00:00:00Z, source {@code shell-03-07}, sink Seattle (100 TFLOPS,
     * 0.5 Gb/s downlinks above 25°); with {@code stations = 3} Fairbanks and Boulder receive too and
     * forward over terrestrial fibre to Seattle (10 Gb/s, 1.2 × the great-circle distance at 2/3 c).
     * The contact plan is synthetic ({@link SyntheticShell}); batch 16 in 4 micro-batches, the
     * default codecs, 1 % loss budget.
     */
    public static PlacementProblem starlink(int stations) {
        SyntheticShell.Walker shell = new SyntheticShell.Walker("shell", 72, 22, 39, 550, 53, 100e9, 5000);
        List<SyntheticShell.Station> ground = stations == 1 ? List.of(SEATTLE) : List.of(SEATTLE, FAIRBANKS, BOULDER);
        return moving("starlink-" + stations, shell, shell.satellite(3, 7), ground);
    }

    /**
     * The same mission on an Iridium-like shell: 66 satellites in 6 planes of 11 (Walker 86.4°:
     * 66/6/2 at 780 km), one station; with too few satellites to keep Seattle in view, part of the
     * horizon is dark.
     */
    public static PlacementProblem iridiumLike() {
        SyntheticShell.Walker shell = new SyntheticShell.Walker("shell", 6, 11, 2, 780, 86.4, 100e9, 5000);
        return moving("iridium-66", shell, shell.satellite(3, 5), List.of(SEATTLE));
    }

    private static PlacementProblem moving(
            String name, SyntheticShell.Walker shell, String source, List<SyntheticShell.Station> stations) {
        List<ModelUnit> units = llama7b();
        List<ComputeNode> nodes = new ArrayList<>();
        for (int p = 0; p < shell.planes(); p++) {
            for (int s = 0; s < shell.perPlane(); s++) {
                nodes.add(new ComputeNode(shell.satellite(p, s), NodeKind.SATELLITE, 5.3e12, 8e9));
            }
        }
        List<Link> fibre = new ArrayList<>();
        for (SyntheticShell.Station st : stations) {
            boolean sink = st == stations.get(0);
            nodes.add(new ComputeNode(st.name(), NodeKind.GROUND, sink ? 100e12 : 0.0, Double.POSITIVE_INFINITY));
            if (!sink) {
                double km = greatCircleKm(st, stations.get(0)) * 1.2;
                fibre.add(new Link(st.name(), stations.get(0).name(), 10e9, km / (SPEED_OF_LIGHT_KM_S * 2 / 3)));
            }
        }
        return new PlacementProblem(
                name,
                units,
                512 * 4.0,
                16,
                4,
                nodes,
                fibre,
                defaultCodecs(units.size() - 1),
                source,
                stations.get(0).name(),
                0.01,
                OptionalInt.empty(),
                Optional.of(SyntheticShell.schedule(shell, stations, "2026-12-04T00:00:00Z", 90 * 60.0)));
    }

    private static double greatCircleKm(SyntheticShell.Station a, SyntheticShell.Station b) {
        double la = Math.toRadians(a.latitudeDeg());
        double lb = Math.toRadians(b.latitudeDeg());
        double dl = Math.toRadians(b.longitudeDeg() - a.longitudeDeg());
        double c = Math.sin(la) * Math.sin(lb) + Math.cos(la) * Math.cos(lb) * Math.cos(dl);
        return SyntheticShell.EARTH_RADIUS_KM * Math.acos(Math.max(-1, Math.min(1, c)));
    }

    private static String sat(int plane, int slot) {
        return String.format("p%d-s%02d", plane, slot);
    }

    private static void both(List<Link> links, String a, String b, double rate, double km) {
        links.add(new Link(a, b, rate, km / SPEED_OF_LIGHT_KM_S));
        links.add(new Link(b, a, rate, km / SPEED_OF_LIGHT_KM_S));
    }
}
