package io.satc.compiler.codegen;

import io.satc.compiler.lower.CodecOption;
import io.satc.compiler.lower.ModelUnit;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.model.OnnxModel;
import io.satc.compiler.plan.Evaluation;
import io.satc.compiler.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * What changes in the deployment between two planned revisions of a mission, as a reviewer
 * reads it before uplinking: the stages by the node that runs them (a node runs at most one
 * stage, so the node identifies the stage across revisions), the model part each node must be
 * sent, the codec at each cut, and the predicted figures before and after.
 *
 * <p>A part is identified by a SHA-256 over what determines its contents: for an ONNX model its
 * file's SHA-256, and always the part's units with their names and profiles (weights, work and
 * activation per sample: all a simulated part is). Splitting is deterministic, so two parts with the same identity are the same bytes,
 * and a node that keeps its part needs no uplink. The bytes to uplink are the part's weights.
 */
public final class DeploymentDiff {

    /** Whether a stage, cut or figure was added, changed, removed or kept. */
    public enum Change {
        ADD("+"),
        CHANGE("~"),
        REMOVE("-"),
        SAME(" ");

        private final String mark;

        Change(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One revision: where it came from and its plan, if it has a feasible one. */
    public record Side(String file, String mission, Optional<Deployment> deployment, List<String> reasons) {
        public Side {
            reasons = List.copyOf(reasons);
        }
    }

    /** A feasible plan as deployed: its stages and cuts, and the predicted figures. */
    public record Deployment(
            String summary,
            List<Stage> stages,
            List<Cut> cuts,
            double latencySeconds,
            double commBytes,
            double accuracyLoss,
            OptionalDouble measuredLoss) {
        public Deployment {
            stages = List.copyOf(stages);
            cuts = List.copyOf(cuts);
        }
    }

    /** A stage: 1-based index, node, units (inclusive, with names), its part's identity and weights. */
    public record Stage(
            int index,
            String node,
            int firstUnit,
            int lastUnit,
            String firstUnitName,
            String lastUnitName,
            String partSha256,
            double weightBytes) {}

    /** The codec at the cut after a unit, with its ratio and loss there. */
    public record Cut(int afterUnit, String afterUnitName, String codec, double ratio, double loss) {}

    /** A node's stage before and after. */
    public record StageChange(String node, Change change, Optional<Stage> before, Optional<Stage> after) {}

    /** A node that must be sent a part, and why. */
    public record Uplink(Stage stage, String reason) {}

    /** The codec at one cut position before and after. */
    public record CutChange(int afterUnit, Change change, Optional<Cut> before, Optional<Cut> after) {}

    /** The whole comparison. */
    public record Result(
            Side before,
            Side after,
            List<StageChange> stages,
            List<Uplink> uplinks,
            List<Stage> kept,
            List<CutChange> cuts) {
        public Result {
            stages = List.copyOf(stages);
            uplinks = List.copyOf(uplinks);
            kept = List.copyOf(kept);
            cuts = List.copyOf(cuts);
        }

        /** Whether what is deployed changes: a stage, a part, a codec, or whether there is a plan at all. */
        public boolean changed() {
            return stages.stream().anyMatch(s -> s.change() != Change.SAME)
                    || !uplinks.isEmpty()
                    || cuts.stream().anyMatch(c -> c.change() != Change.SAME)
                    || before.deployment().isPresent() != after.deployment().isPresent();
        }

        public long count(Change change) {
            return stages.stream().filter(s -> s.change() == change).count();
        }

        public double uplinkBytes() {
            return uplinks.stream().mapToDouble(u -> u.stage().weightBytes()).sum();
        }

        public long codecChanges() {
            return cuts.stream().filter(c -> c.change() != Change.SAME).count();
        }
    }

    private DeploymentDiff() {}

    /** A revision as planning left it; {@code model} is the loaded ONNX model, if the mission has one. */
    public static Side side(String file, PlanOutcome outcome, Optional<OnnxModel> model) {
        PlacementProblem p = outcome.problem();
        if (outcome.evaluation().isEmpty()) {
            List<String> reasons = outcome.result() instanceof io.satc.compiler.plan.SearchResult.Infeasible inf
                    ? inf.reasons()
                    : List.of();
            return new Side(file, p.mission(), Optional.empty(), reasons);
        }
        Evaluation e = outcome.evaluation().get();
        Plan plan = e.plan();
        String modelIdentity = model.map(OnnxModel::sha256).orElse("profile");
        List<Stage> stages = new ArrayList<>();
        for (int k = 0; k < plan.stageCount(); k++) {
            int first = plan.firstUnit(k);
            int last = plan.stages().get(k).lastUnit();
            double weights = 0;
            for (int u = first; u <= last; u++) {
                weights += p.units().get(u).weightBytes();
            }
            stages.add(new Stage(
                    k + 1,
                    plan.stages().get(k).node(),
                    first,
                    last,
                    p.units().get(first).name(),
                    p.units().get(last).name(),
                    partIdentity(modelIdentity, p.units(), first, last),
                    weights));
        }
        List<Cut> cuts = new ArrayList<>();
        for (int k = 0; k < plan.stageCount() - 1; k++) {
            int after = plan.stages().get(k).lastUnit();
            CodecOption c = p.codec(plan.cutCodecs().get(k)).orElseThrow();
            cuts.add(new Cut(
                    after,
                    p.units().get(after).name(),
                    c.name(),
                    c.ratioPerCut().get(after),
                    c.lossPerCut().get(after)));
        }
        return new Side(
                file,
                p.mission(),
                Optional.of(new Deployment(
                        plan.toString(),
                        stages,
                        cuts,
                        e.latencySeconds(),
                        e.commBytes(),
                        e.accuracyLoss(),
                        outcome.measuredLoss())),
                List.of());
    }

    public static Result compare(Side before, Side after) {
        List<Stage> old = before.deployment().map(Deployment::stages).orElse(List.of());
        List<Stage> now = after.deployment().map(Deployment::stages).orElse(List.of());
        Map<String, Stage> oldByNode = new LinkedHashMap<>();
        old.forEach(s -> oldByNode.put(s.node(), s));
        Map<String, Stage> newByNode = new LinkedHashMap<>();
        now.forEach(s -> newByNode.put(s.node(), s));

        List<StageChange> stages = new ArrayList<>();
        List<Uplink> uplinks = new ArrayList<>();
        List<Stage> kept = new ArrayList<>();
        for (Stage s : now) {
            Stage was = oldByNode.get(s.node());
            if (was == null) {
                stages.add(new StageChange(s.node(), Change.ADD, Optional.empty(), Optional.of(s)));
                uplinks.add(new Uplink(s, "new stage"));
                continue;
            }
            boolean same =
                    was.index() == s.index() && was.firstUnit() == s.firstUnit() && was.lastUnit() == s.lastUnit();
            stages.add(new StageChange(s.node(), same ? Change.SAME : Change.CHANGE, Optional.of(was), Optional.of(s)));
            if (was.partSha256().equals(s.partSha256())) {
                kept.add(s);
            } else {
                uplinks.add(new Uplink(s, same ? "the model changed" : "its units changed"));
            }
        }
        for (Stage s : old) {
            if (!newByNode.containsKey(s.node())) {
                stages.add(new StageChange(s.node(), Change.REMOVE, Optional.of(s), Optional.empty()));
            }
        }

        Map<Integer, Cut> oldCuts = new LinkedHashMap<>();
        before.deployment().ifPresent(d -> d.cuts().forEach(c -> oldCuts.put(c.afterUnit(), c)));
        Map<Integer, Cut> newCuts = new LinkedHashMap<>();
        after.deployment().ifPresent(d -> d.cuts().forEach(c -> newCuts.put(c.afterUnit(), c)));
        TreeSet<Integer> positions = new TreeSet<>(oldCuts.keySet());
        positions.addAll(newCuts.keySet());
        List<CutChange> cuts = new ArrayList<>();
        for (int at : positions) {
            Optional<Cut> was = Optional.ofNullable(oldCuts.get(at));
            Optional<Cut> is = Optional.ofNullable(newCuts.get(at));
            Change change = was.isEmpty()
                    ? Change.ADD
                    : is.isEmpty() ? Change.REMOVE : sameCodec(was.get(), is.get()) ? Change.SAME : Change.CHANGE;
            cuts.add(new CutChange(at, change, was, is));
        }
        return new Result(before, after, stages, uplinks, kept, cuts);
    }

    /** Cuts at one position compared by codec, ratio and loss (a declared codec's figures may change under its name). */
    private static boolean sameCodec(Cut a, Cut b) {
        return a.codec().equals(b.codec()) && a.ratio() == b.ratio() && a.loss() == b.loss();
    }

    private static String partIdentity(String model, List<ModelUnit> units, int first, int last) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            StringBuilder key = new StringBuilder("satc part 1\n").append(model).append('\n');
            // A simulated part is its units' profile; an ONNX part is the model's graph between these units.
            for (ModelUnit u : units.subList(first, last + 1)) {
                key.append(u.name())
                        .append(' ')
                        .append(Double.toHexString(u.weightBytes()))
                        .append(' ')
                        .append(Double.toHexString(u.flopsPerSample()))
                        .append(' ')
                        .append(Double.toHexString(u.outBytesPerSample()))
                        .append('\n');
            }
            key.append(first).append("..").append(last).append('\n');
            return HexFormat.of().formatHex(sha.digest(key.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
