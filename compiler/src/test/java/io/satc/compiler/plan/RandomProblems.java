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
import java.util.Random;

/**
 * Small random placement problems for the differential and property tests: up to 8 units,
 * 5 satellites (some relays), a sink that may compute, sometimes a second ground station, and up
 * to 3 codecs besides {@code none}. Values are often drawn from short lists so that exact ties
 * between plans are common and the tie-breaks get exercised.
 */
final class RandomProblems {

    private RandomProblems() {}

    static PlacementProblem generate(long seed) {
        return generate(seed, false);
    }

    /**
     * With {@code deep}, satellites hold only one or two units, links are dense and the ground
     * stations are small, so optimal plans have several stages.
     */
    static PlacementProblem generate(long seed, boolean deep) {
        Random rnd = new Random(seed);
        boolean discrete = rnd.nextBoolean();
        int n = deep ? 4 + rnd.nextInt(5) : 1 + rnd.nextInt(8);
        List<ModelUnit> units = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            units.add(new ModelUnit(
                    "u" + u,
                    pick(rnd, discrete, new double[] {1e9, 2e9, 4e9}, 0.5e9, 6e9),
                    pick(rnd, discrete, new double[] {1e10, 2e10, 4e10}, 1e9, 5e10),
                    pick(rnd, discrete, new double[] {1e6, 2e6, 4e6}, 1e5, 8e6)));
        }
        int micro = 1 + rnd.nextInt(3);
        int perMicro = 1 << rnd.nextInt(3);
        List<ComputeNode> nodes = new ArrayList<>();
        int sats = 1 + rnd.nextInt(5);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sats; i++) {
            // Names not in creation order, so index order and name order differ.
            String name = "s" + (char) ('e' - i);
            names.add(name);
            double compute = rnd.nextDouble() < (deep ? 0.1 : 0.2)
                    ? 0.0
                    : pick(rnd, discrete, new double[] {5e12, 1e13, 2e13}, 1e12, 3e13);
            double memory = deep
                    ? pick(rnd, discrete, new double[] {6e9, 9e9}, 5e9, 1e10)
                    : pick(rnd, discrete, new double[] {4e9, 8e9, 16e9}, 2e9, 3e10);
            nodes.add(new ComputeNode(name, NodeKind.SATELLITE, compute, memory));
        }
        double groundCompute =
                rnd.nextDouble() < 0.3 ? 0.0 : pick(rnd, discrete, new double[] {1e13, 5e13}, 1e12, 6e13);
        double groundMemory = deep
                ? pick(rnd, false, null, 5e9, 1.2e10)
                : rnd.nextBoolean() ? Double.POSITIVE_INFINITY : pick(rnd, false, null, 4e9, 6e10);
        nodes.add(new ComputeNode("g", NodeKind.GROUND, groundCompute, groundMemory));
        names.add("g");
        if (rnd.nextDouble() < 0.3) {
            nodes.add(new ComputeNode(
                    "h",
                    NodeKind.GROUND,
                    pick(rnd, discrete, new double[] {1e13, 5e13}, 1e12, 6e13),
                    Double.POSITIVE_INFINITY));
            names.add("h");
        }
        List<Link> links = new ArrayList<>();
        for (String a : names) {
            for (String c : names) {
                if (!a.equals(c) && rnd.nextDouble() < (deep ? 0.8 : 0.45)) {
                    links.add(new Link(
                            a,
                            c,
                            pick(rnd, discrete, new double[] {5e8, 1e9, 2e9}, 1e8, 1e10),
                            pick(rnd, discrete, new double[] {0.001, 0.002, 0.004}, 0.0, 0.02)));
                }
            }
        }
        int cuts = n - 1;
        List<CodecOption> codecs = new ArrayList<>();
        int extra = rnd.nextInt(4);
        for (int k = 0; k < extra; k++) {
            List<Double> ratios = new ArrayList<>();
            List<Double> losses = new ArrayList<>();
            for (int j = 0; j < cuts; j++) {
                ratios.add(pick(rnd, discrete, new double[] {1.0, 2.0, 4.0, 25.8}, 1.0, 30.0));
                losses.add(pick(rnd, discrete, new double[] {0.0, 0.001, 0.003, 0.006}, 0.0, 0.012));
            }
            double throughput = rnd.nextBoolean()
                    ? Double.POSITIVE_INFINITY
                    : pick(rnd, discrete, new double[] {1e9, 4e9}, 1e8, 1e10);
            codecs.add(new CodecOption("c" + k, ratios, losses, throughput));
        }
        double budget = new double[] {0.0, 0.004, 0.01, 0.02}[rnd.nextInt(4)];
        OptionalInt maxStages = rnd.nextDouble() < (deep ? 0.15 : 0.3)
                ? OptionalInt.of(1 + rnd.nextInt(deep ? 6 : 4))
                : OptionalInt.empty();
        String source = names.get(rnd.nextInt(sats));
        return new PlacementProblem(
                "random-" + seed,
                units,
                pick(rnd, discrete, new double[] {1e5, 1e6}, 1e4, 4e6),
                micro * perMicro,
                micro,
                nodes,
                links,
                codecs,
                source,
                "g",
                budget,
                maxStages);
    }

    private static double pick(Random rnd, boolean discrete, double[] values, double lo, double hi) {
        if (discrete && values != null) {
            return values[rnd.nextInt(values.length)];
        }
        return lo + (hi - lo) * rnd.nextDouble();
    }
}
