package io.satc.compiler.lower;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything the planner needs to know about a mission, as plain numbers (cost model v1, §1).
 *
 * <p>The canonical constructor validates the numbers and adds the identity codec {@code none}
 * (first in the list) when the caller did not give it, so every problem offers a lossless cut.
 *
 * @param mission              mission name, used only in messages
 * @param units                the model units in execution order ({@code u_0 .. u_{n-1}})
 * @param inputBytesPerSample  raw input bytes per sample ({@code I})
 * @param batch                batch size {@code B}
 * @param microBatches         number of micro-batches {@code M}; must divide {@code B}
 * @param nodes                satellites and ground stations, names unique
 * @param links                directed links between nodes
 * @param codecs               candidate codecs, names unique; {@code none} is added if absent
 * @param source               the satellite where the batch is captured
 * @param sink                 the ground station where results must arrive
 * @param maxLoss              accuracy loss budget {@code ε} as a fraction
 * @param maxStages            optional upper bound on the number of stages
 * @param schedule             the links over a planning horizon (cost model 2); empty for a
 *                             cost-model-1 problem, whose links are fixed. With a schedule,
 *                             {@code links} are up for the whole horizon and belong to every window.
 */
public record PlacementProblem(
        String mission,
        List<ModelUnit> units,
        double inputBytesPerSample,
        int batch,
        int microBatches,
        List<ComputeNode> nodes,
        List<Link> links,
        List<CodecOption> codecs,
        String source,
        String sink,
        double maxLoss,
        OptionalInt maxStages,
        Optional<LinkSchedule> schedule) {

    /** A cost-model-1 problem: fixed links, no schedule. */
    public PlacementProblem(
            String mission,
            List<ModelUnit> units,
            double inputBytesPerSample,
            int batch,
            int microBatches,
            List<ComputeNode> nodes,
            List<Link> links,
            List<CodecOption> codecs,
            String source,
            String sink,
            double maxLoss,
            OptionalInt maxStages) {
        this(
                mission,
                units,
                inputBytesPerSample,
                batch,
                microBatches,
                nodes,
                links,
                codecs,
                source,
                sink,
                maxLoss,
                maxStages,
                Optional.empty());
    }

    public PlacementProblem {
        Objects.requireNonNull(mission, "mission");
        units = List.copyOf(units);
        nodes = List.copyOf(nodes);
        links = List.copyOf(links);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(maxStages, "maxStages");
        Objects.requireNonNull(schedule, "schedule");
        if (units.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one unit");
        }
        Checks.finiteNonNegative(inputBytesPerSample, "inputBytesPerSample");
        if (batch < 1 || microBatches < 1 || batch % microBatches != 0) {
            throw new IllegalArgumentException("micro-batches " + microBatches + " must divide batch " + batch);
        }
        Checks.finiteNonNegative(maxLoss, "maxLoss");
        if (maxStages.isPresent() && maxStages.getAsInt() < 1) {
            throw new IllegalArgumentException("maxStages must be >= 1");
        }
        Set<String> names = new HashSet<>();
        for (ComputeNode n : nodes) {
            if (!names.add(n.name())) {
                throw new IllegalArgumentException("duplicate node " + n.name());
            }
        }
        for (Link l : links) {
            checkNames(names, l);
        }
        if (schedule.isPresent()) {
            for (TimeWindow w : schedule.get().windows()) {
                for (Link l : w.links()) {
                    checkNames(names, l);
                }
            }
        }
        ComputeNode src = nodes.stream()
                .filter(n -> n.name().equals(source))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown source " + source));
        ComputeNode snk = nodes.stream()
                .filter(n -> n.name().equals(sink))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sink " + sink));
        if (src.kind() != NodeKind.SATELLITE) {
            throw new IllegalArgumentException("source " + source + " must be a satellite");
        }
        if (snk.kind() != NodeKind.GROUND) {
            throw new IllegalArgumentException("sink " + sink + " must be a ground station");
        }
        int cuts = units.size() - 1;
        List<CodecOption> all = new ArrayList<>();
        Set<String> codecNames = new HashSet<>();
        if (codecs.stream().noneMatch(c -> c.name().equals(CodecOption.NONE))) {
            all.add(CodecOption.none(cuts));
            codecNames.add(CodecOption.NONE);
        }
        for (CodecOption c : codecs) {
            if (!codecNames.add(c.name())) {
                throw new IllegalArgumentException("duplicate codec " + c.name());
            }
            if (c.ratioPerCut().size() != cuts) {
                throw new IllegalArgumentException(
                        "codec " + c.name() + " gives " + c.ratioPerCut().size() + " cuts; the model has " + cuts);
            }
            all.add(c);
        }
        codecs = List.copyOf(all);
    }

    /** Number of units {@code n}. */
    public int unitCount() {
        return units.size();
    }

    /** Samples per micro-batch, {@code b = B / M}. */
    public int microBatchSize() {
        return batch / microBatches;
    }

    /** The node called {@code name}, if any. */
    public Optional<ComputeNode> node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
    }

    /** The codec called {@code name}, if any. */
    public Optional<CodecOption> codec(String name) {
        return codecs.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The same problem with a different loss budget. */
    public PlacementProblem withMaxLoss(double budget) {
        return copy(nodes, links, budget, maxStages, schedule);
    }

    /** The same problem with a different stage limit. */
    public PlacementProblem withMaxStages(OptionalInt limit) {
        return copy(nodes, links, maxLoss, limit, schedule);
    }

    /** The same problem with different nodes (used to relax memory when explaining infeasibility). */
    public PlacementProblem withNodes(List<ComputeNode> replaced) {
        return copy(replaced, links, maxLoss, maxStages, schedule);
    }

    /** The same problem with different links up for the whole horizon (all of them, without a schedule). */
    public PlacementProblem withLinks(List<Link> replaced) {
        return copy(nodes, replaced, maxLoss, maxStages, schedule);
    }

    /** The same problem over a different schedule (empty: cost model 1 over {@link #links()}). */
    public PlacementProblem withSchedule(Optional<LinkSchedule> replaced) {
        return copy(nodes, links, maxLoss, maxStages, replaced);
    }

    private PlacementProblem copy(
            List<ComputeNode> nodes,
            List<Link> links,
            double maxLoss,
            OptionalInt maxStages,
            Optional<LinkSchedule> schedule) {
        return new PlacementProblem(
                mission,
                units,
                inputBytesPerSample,
                batch,
                microBatches,
                nodes,
                links,
                codecs,
                source,
                sink,
                maxLoss,
                maxStages,
                schedule);
    }

    /** The cost model the problem is planned under: 2 with a schedule, else 1. */
    public int costModel() {
        return schedule.isPresent() ? 2 : 1;
    }

    private static void checkNames(Set<String> names, Link l) {
        if (!names.contains(l.from()) || !names.contains(l.to())) {
            throw new IllegalArgumentException("link " + l.from() + "->" + l.to() + " names an unknown node");
        }
    }
}
