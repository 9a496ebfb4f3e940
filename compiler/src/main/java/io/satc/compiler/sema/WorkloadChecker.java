package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.WorkloadFacts;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The {@code workload} block, at most one: the batch, how it is cut into equal micro-batches, the
 * raw input per sample and the sequence length. Without the block, one sample in one micro-batch.
 */
final class WorkloadChecker {

    static final List<String> KEYS = List.of("batch", "micro_batches", "input", "sequence");
    static final WorkloadFacts DEFAULT = new WorkloadFacts(1, 1, OptionalDouble.empty(), OptionalLong.empty());

    private final CheckContext ctx;

    WorkloadChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    WorkloadFacts check(List<BlockDecl> workloads) {
        return ctx.blocks().singleton(workloads, "workload").map(this::workload).orElse(DEFAULT);
    }

    private WorkloadFacts workload(BlockDecl b) {
        Attributes attrs = ctx.blocks().attributes(b.body(), "`workload`", KEYS);
        ValueReader values = ctx.values();
        OptionalLong batch = attrs.value("batch")
                .map(v -> values.positiveInteger("batch", v))
                .orElse(OptionalLong.of(1));
        OptionalLong micro = attrs.value("micro_batches")
                .map(v -> values.positiveInteger("micro_batches", v))
                .orElse(OptionalLong.of(1));
        OptionalDouble input = attrs.value("input")
                .map(v -> values.positive("input", v, Dimension.DATA))
                .orElse(OptionalDouble.empty());
        OptionalLong sequence = attrs.value("sequence")
                .map(v -> values.positiveInteger("sequence", v))
                .orElse(OptionalLong.empty());
        if (batch.isPresent() && micro.isPresent() && batch.getAsLong() % micro.getAsLong() != 0) {
            Assignment at = attrs.containsKey("micro_batches") ? attrs.get("micro_batches") : attrs.get("batch");
            long m = micro.getAsLong();
            ctx.diags()
                    .report(
                            DiagnosticCode.BATCH_NOT_DIVISIBLE,
                            at.value().span(),
                            "`batch` = " + batch.getAsLong() + " is not divisible by `micro_batches` = " + m + ".",
                            "Micro-batches must be equal: pick a divisor of " + batch.getAsLong()
                                    + divisorsHint(batch.getAsLong(), m) + ".");
        }
        return new WorkloadFacts(batch.orElse(1), micro.orElse(1), input, sequence);
    }

    /** The divisors of {@code batch} nearest {@code near} from below and (not too far) above. */
    static String divisorsHint(long batch, long near) {
        long below = 0;
        long above = 0;
        for (long d = Math.min(near, batch); d >= 1; d--) {
            if (batch % d == 0) {
                below = d;
                break;
            }
        }
        for (long d = near + 1; d <= batch && d <= near * 4 + 4; d++) {
            if (batch % d == 0) {
                above = d;
                break;
            }
        }
        if (below > 0 && above > 0) {
            return " such as " + below + " or " + above;
        }
        return below > 0 ? " such as " + below : "";
    }
}
