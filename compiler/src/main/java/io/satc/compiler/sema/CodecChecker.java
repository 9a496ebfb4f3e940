package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The {@code codec NAME { ratio; loss; throughput }} blocks: new codecs, or measured values for a
 * built-in one. Which codecs the planner may use is {@link CodecListChecker}'s business.
 */
final class CodecChecker {

    static final List<String> KEYS = List.of("ratio", "loss", "throughput");
    static final List<String> BUILT_IN = List.of("none", "fp16", "int8", "int4", "topk");

    private final CheckContext ctx;

    CodecChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** The declared codecs by name, in declaration order. */
    Map<String, CodecFacts> check(List<BlockDecl> blocks) {
        Map<String, BlockDecl> declarations = declarations(blocks);
        Map<String, CodecFacts> out = new LinkedHashMap<>();
        declarations.forEach((name, block) -> out.put(name, codec(name, block)));
        return out;
    }

    private Map<String, BlockDecl> declarations(List<BlockDecl> blocks) {
        Map<String, BlockDecl> out = new LinkedHashMap<>();
        for (BlockDecl b : blocks) {
            Optional<Ident> name = ctx.blocks().requireName(b);
            if (name.isEmpty()) {
                continue;
            }
            String n = name.get().text();
            if (n.equals("none") || n.equals("topk")) {
                ctx.diags()
                        .report(
                                DiagnosticCode.DUPLICATE_NAME,
                                name.get().span(),
                                "The built-in codec `" + n + "` cannot be redefined.",
                                n.equals("none")
                                        ? "`none` always means no compression."
                                        : "Use `topk(p)` in `codecs`, or give this codec another name.");
                continue;
            }
            BlockDecl first = out.get(n);
            if (first != null) {
                ctx.diags()
                        .report(
                                DiagnosticCode.DUPLICATE_NAME,
                                name.get().span(),
                                "Codec `" + n + "` is declared twice.",
                                "The first is on line "
                                        + ctx.line(first.name().get().span()) + ".");
                continue;
            }
            out.put(n, b);
        }
        return out;
    }

    private CodecFacts codec(String name, BlockDecl b) {
        Attributes attrs = ctx.blocks().attributes(b.body(), "codec `" + name + "`", KEYS);
        boolean builtIn = BUILT_IN.contains(name);
        OptionalDouble ratio = attrs.value("ratio").map(this::ratio).orElse(OptionalDouble.empty());
        OptionalDouble loss =
                attrs.value("loss").map(v -> ctx.values().loss("loss", v)).orElse(OptionalDouble.empty());
        OptionalDouble throughput = attrs.value("throughput")
                .map(v -> ctx.values().positive("throughput", v, Dimension.RATE))
                .orElse(OptionalDouble.empty());
        if (!builtIn) {
            for (String key : List.of("ratio", "loss")) {
                if (!attrs.intended(key)) {
                    ctx.diags()
                            .report(
                                    DiagnosticCode.MISSING_ATTRIBUTE,
                                    b.name().get().span(),
                                    "Codec `" + name + "` has no `" + key + "`.",
                                    "A declared codec needs `ratio = 25.8x` and `loss = 0.3 %`.");
                }
            }
        }
        OptionalDouble bytesPerSecond =
                throughput.isPresent() ? OptionalDouble.of(throughput.getAsDouble() / 8) : OptionalDouble.empty();
        return new CodecFacts(name, builtIn, OptionalDouble.empty(), ratio, loss, bytesPerSecond);
    }

    private OptionalDouble ratio(Value v) {
        OptionalDouble r = ctx.values().quantity("ratio", v, Dimension.RATIO);
        if (r.isPresent() && r.getAsDouble() < 1) {
            ctx.diags()
                    .report(
                            DiagnosticCode.RATIO_BELOW_ONE,
                            v.span(),
                            "A compression ratio must be at least `1x`, found `"
                                    + ctx.diags().source().slice(v.span()) + "`.",
                            "The ratio is uncompressed bytes over compressed bytes, e.g. `4x`.");
            return OptionalDouble.empty();
        }
        return r;
    }
}
