package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.ModelSource;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.StringValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a model's profile comes from: exactly one of {@code arch = vit(...)} (read by
 * {@link ArchitectureReader}), {@code onnx = "file"} or {@code profile = "file.csv"} (read by
 * {@link ProfileReader}).
 */
final class ModelSourceReader {

    static final List<String> KEYS = List.of("arch", "onnx", "profile");

    private final CheckContext ctx;

    ModelSourceReader(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** The one source attribute of model {@code name}; none, or more than one, is reported. */
    Optional<Assignment> choose(BlockDecl model, String name, Attributes attrs) {
        List<Assignment> sources = new ArrayList<>();
        for (String key : KEYS) {
            if (attrs.containsKey(key)) {
                sources.add(attrs.get(key));
            }
        }
        sources.sort((a, b) -> Integer.compare(a.span().start(), b.span().start()));
        if (sources.isEmpty()) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MODEL_SOURCE_CONFLICT,
                            model.name().map(Ident::span).orElse(model.kind().span()),
                            "Model `" + name + "` needs one of `arch`, `onnx` or `profile`.",
                            "E.g. `arch = vit(...)`, `onnx = \"models/encoder.onnx\"` or `profile = \"profiles/model.csv\"`.");
            return Optional.empty();
        }
        for (int i = 1; i < sources.size(); i++) {
            ctx.diags()
                    .report(
                            DiagnosticCode.MODEL_SOURCE_CONFLICT,
                            sources.get(i).key().span(),
                            "Model `" + name + "` has both `"
                                    + sources.get(0).key().text() + "` and `"
                                    + sources.get(i).key().text() + "`.",
                            "Give exactly one of `arch`, `onnx` or `profile`.");
        }
        return sources.size() == 1 ? Optional.of(sources.get(0)) : Optional.empty();
    }

    /** Reads the chosen source: the architecture call, or the file it names. */
    Optional<ModelSource> read(Assignment src) {
        return switch (src.key().text()) {
            case "arch" ->
                ArchitectureReader.read(src.value(), ctx.values(), ctx.diags()).map(a -> a);
            case "onnx" -> ctx.values().file("onnx", src.value()).map(AnalyzedMission.OnnxSource::new);
            default ->
                ctx.values()
                        .file("profile", src.value())
                        .flatMap(p -> ProfileReader.read(
                                        p,
                                        ((StringValue) src.value()).value(),
                                        src.value().span(),
                                        ctx.diags())
                                .map(rows -> new AnalyzedMission.ProfileSource(p, rows)));
        };
    }
}
