package io.satc.compiler.sema;

import io.satc.compiler.sema.AnalyzedMission.AccuracyFacts;
import io.satc.compiler.sema.AnalyzedMission.Metric;
import io.satc.compiler.syntax.ast.BlockDecl;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The {@code accuracy} block, at most one: the loss the codecs may cost, how it is measured, and
 * the calibration data. Without the block, the allowed loss is 0 and the metric is top-1.
 */
final class AccuracyChecker {

    static final List<String> KEYS = List.of("max_loss", "metric", "calibration", "samples");
    static final List<String> METRICS = List.of("top1", "cosine");
    static final AccuracyFacts DEFAULT = new AccuracyFacts(0, Metric.TOP1, Optional.empty(), OptionalInt.empty());

    private final CheckContext ctx;

    AccuracyChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    AccuracyFacts check(List<BlockDecl> accuracies) {
        return ctx.blocks()
                .singleton(accuracies, "accuracy")
                .map(this::accuracy)
                .orElse(DEFAULT);
    }

    private AccuracyFacts accuracy(BlockDecl b) {
        Attributes attrs = ctx.blocks().attributes(b.body(), "`accuracy`", KEYS);
        ValueReader values = ctx.values();
        double maxLoss = attrs.value("max_loss")
                .map(v -> values.loss("max_loss", v))
                .orElse(OptionalDouble.of(0))
                .orElse(0);
        Metric metric = attrs.value("metric")
                .flatMap(v -> values.option("metric", v, METRICS))
                .map(m -> Metric.valueOf(m.toUpperCase(Locale.ROOT)))
                .orElse(Metric.TOP1);
        Optional<Path> calibration = attrs.value("calibration").flatMap(v -> values.file("calibration", v));
        OptionalInt samples =
                attrs.value("samples").map(v -> values.count("samples", v)).orElse(OptionalInt.empty());
        return new AccuracyFacts(maxLoss, metric, calibration, samples);
    }
}
