package io.satc.compiler.codegen;

import io.satc.compiler.lower.ComputeNode;
import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.NodeKind;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Planner;
import io.satc.compiler.plan.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The plan's contingencies: for every satellite and every link the plan uses, the best plan
 * without it, found as the plan itself was (cost model and A*, the element removed from the
 * problem). Losing the source or the sink has none: the data starts or ends there.
 */
final class Contingencies {

    private Contingencies() {}

    /** One element the plan could lose. */
    record Loss(String kind, String name, String from, String to) {
        static Loss satellite(String name) {
            return new Loss("satellite", name, null, null);
        }

        static Loss link(String from, String to) {
            return new Loss("link", from + " -> " + to, from, to);
        }

        /** A folder name: {@code satellite-leo-b}, {@code link-leo-a-leo-b}. */
        String id() {
            return kind + "-" + safe(kind.equals("link") ? from + "-" + to : name);
        }

        String describe() {
            return kind + " " + name;
        }
    }

    /**
     * The best plan without the lost element, or why there is none.
     *
     * @param outcome present when a plan exists
     * @param reason  why there is none, otherwise empty
     */
    record Contingency(Loss loss, Optional<PlanOutcome> outcome, String reason) {}

    /** What the plan can lose: the satellites it runs on or relays through, then the links it uses, each once. */
    static List<Loss> losses(PlacementProblem p, Evaluation e) {
        TreeSet<String> satellites = new TreeSet<>();
        List<Loss> links = new ArrayList<>();
        TreeSet<String> seen = new TreeSet<>();
        for (Resource r : e.resources()) {
            if (r instanceof Resource.StageWork w) {
                satellites.add(w.node());
            } else {
                Resource.Hop h = (Resource.Hop) r;
                satellites.add(h.from());
                satellites.add(h.to());
                if (seen.add(h.from() + "\u0000" + h.to())) {
                    links.add(Loss.link(h.from(), h.to()));
                }
            }
        }
        List<Loss> losses = new ArrayList<>();
        for (String s : satellites) {
            if (p.node(s).map(n -> n.kind() == NodeKind.SATELLITE).orElse(false)) {
                losses.add(Loss.satellite(s));
            }
        }
        links.sort(java.util.Comparator.comparing(Loss::name));
        losses.addAll(links);
        return losses;
    }

    /** Every contingency of the plan {@code e} of {@code p}. */
    static List<Contingency> of(PlacementProblem p, Evaluation e) {
        List<Contingency> all = new ArrayList<>();
        for (Loss loss : losses(p, e)) {
            all.add(plan(p, loss));
        }
        return all;
    }

    static Contingency plan(PlacementProblem p, Loss loss) {
        if (loss.kind().equals("satellite")
                && (loss.name().equals(p.source()) || loss.name().equals(p.sink()))) {
            return new Contingency(
                    loss,
                    Optional.empty(),
                    "it is the mission's " + (loss.name().equals(p.source()) ? "source" : "sink") + ", where the data "
                            + (loss.name().equals(p.source()) ? "starts" : "ends"));
        }
        PlacementProblem without = without(p, loss);
        PlanOutcome outcome = new PlanOutcome(without, Planner.plan(without), List.of());
        if (outcome.evaluation().isEmpty()) {
            return new Contingency(loss, Optional.empty(), "no plan is feasible without it");
        }
        return new Contingency(loss, Optional.of(outcome), "");
    }

    /**
     * The problem with the satellite (and its links) or the one link removed, from the fixed links
     * and from every window of a moving constellation's schedule alike.
     */
    static PlacementProblem without(PlacementProblem p, Loss loss) {
        List<ComputeNode> nodes = new ArrayList<>();
        for (ComputeNode n : p.nodes()) {
            if (!(loss.kind().equals("satellite") && n.name().equals(loss.name()))) {
                nodes.add(n);
            }
        }
        Optional<LinkSchedule> schedule = p.schedule()
                .map(s -> new LinkSchedule(
                        s.start(),
                        s.durationSeconds(),
                        s.windows().stream()
                                .map(w -> new TimeWindow(w.startSeconds(), w.endSeconds(), kept(w.links(), loss)))
                                .toList()));
        // Links first: a problem checks that every link names one of its nodes.
        return p.withSchedule(schedule).withLinks(kept(p.links(), loss)).withNodes(nodes);
    }

    private static List<Link> kept(List<Link> links, Loss loss) {
        List<Link> kept = new ArrayList<>();
        for (Link l : links) {
            boolean lost = loss.kind().equals("satellite")
                    ? l.from().equals(loss.name()) || l.to().equals(loss.name())
                    : l.from().equals(loss.from()) && l.to().equals(loss.to());
            if (!lost) {
                kept.add(l);
            }
        }
        return kept;
    }

    private static String safe(String name) {
        if (name.matches("[A-Za-z0-9_.-]+")) {
            return name;
        }
        return "x" + java.util.HexFormat.of().formatHex(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
