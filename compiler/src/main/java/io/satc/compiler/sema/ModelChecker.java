package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.ModelFacts;
import io.satc.compiler.sema.AnalyzedMission.ModelSource;
import io.satc.compiler.sema.AnalyzedMission.Precision;
import io.satc.compiler.sema.AnalyzedMission.WorkloadFacts;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.Mission;
import io.satc.compiler.syntax.ast.Value;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code model} block: exactly one per mission, with its source (read by
 * {@link ModelSourceReader}), precision, block pattern and tokenizer.
 */
final class ModelChecker {

    static final List<String> KEYS = List.of("arch", "onnx", "profile", "precision", "blocks", "tokenizer");
    static final List<String> PRECISIONS = List.of("fp32", "fp16", "bf16");

    private final CheckContext ctx;
    private final ModelSourceReader sources;

    ModelChecker(CheckContext ctx) {
        this.ctx = ctx;
        this.sources = new ModelSourceReader(ctx);
    }

    Optional<ModelFacts> check(Mission mission, List<BlockDecl> models) {
        if (models.isEmpty()) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MODEL_COUNT,
                            mission.name().span(),
                            "Mission `" + mission.name().text() + "` declares no `model`.",
                            "Add a block such as `model vit-b { arch = vit(layers = 12, hidden = 768, mlp = 3072, heads = 12, patch = 16, image = 224) }`.");
            return Optional.empty();
        }
        for (int i = 1; i < models.size(); i++) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MODEL_COUNT,
                            models.get(i).kind().span(),
                            "A mission has exactly one `model`; this is a second one.",
                            "The first is on line "
                                    + ctx.line(models.get(0).kind().span()) + "; split the missions into two files.");
        }
        BlockDecl m = models.get(0);
        String name = name(m);
        Attributes attrs = ctx.blocks().attributes(m.body(), "model `" + name + "`", KEYS);
        Precision precision = attrs.value("precision")
                .flatMap(v -> ctx.values().option("precision", v, PRECISIONS))
                .map(p -> Precision.valueOf(p.toUpperCase(Locale.ROOT)))
                .orElse(Precision.FP32);
        Optional<String> blocks = attrs.value("blocks").flatMap(this::blockPattern);
        // A model whose source is missing or ambiguous is not read further: its tokenizer is moot.
        Optional<Assignment> src = sources.choose(m, name, attrs);
        if (src.isEmpty()) {
            return Optional.empty();
        }
        Optional<ModelSource> source = sources.read(src.get());
        Optional<Path> tokenizer =
                attrs.value("tokenizer").flatMap(v -> ctx.values().file("tokenizer", v));
        return source.map(s -> new ModelFacts(name, s, precision, blocks, tokenizer));
    }

    /** A profile has no input layer to size the batch by, so the workload must say how large a sample is. */
    void requireInput(List<BlockDecl> models, Optional<ModelFacts> model, WorkloadFacts workload) {
        if (model.isPresent()
                && model.get().source() instanceof AnalyzedMission.ProfileSource
                && workload.inputBytes().isEmpty()) {
            BlockDecl m = models.get(0);
            ctx.diags()
                    .report(
                            DiagnosticCode.PROFILE_NEEDS_INPUT,
                            m.name().map(Ident::span).orElse(m.kind().span()),
                            "Model `" + name(m) + "` comes from a profile, so `workload` must give `input`.",
                            "Add `input = 150 kB` (raw bytes per sample) to the `workload` block.");
        }
    }

    private static String name(BlockDecl m) {
        return m.name().map(Ident::text).orElse("model");
    }

    private Optional<String> blockPattern(Value v) {
        Optional<String> s = ctx.values().string("blocks", v);
        if (s.isPresent()) {
            try {
                Pattern.compile(s.get());
            } catch (PatternSyntaxException e) {
                ctx.diags()
                        .report(
                                DiagnosticCode.WRONG_VALUE_KIND,
                                v.span(),
                                "`blocks` is not a valid regular expression: " + e.getDescription() + ".",
                                "It must match a block scope in node names, e.g. `\"/encoder/layer\\\\.(\\\\d+)/\"`.");
                return Optional.empty();
            }
        }
        return s;
    }
}
