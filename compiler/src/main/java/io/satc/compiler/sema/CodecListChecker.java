package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.sema.AnalyzedMission.CodecFacts;
import io.satc.compiler.source.Span;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The mission's {@code codecs = [...]}: the codecs the planner may put on a cut, built-in
 * ({@code int8}, {@code topk(10 %)}, {@code "int8+zstd"}, ...) or declared. Without the list, the
 * defaults and every declared codec.
 */
final class CodecListChecker {

    /** Built-in codecs used when a mission lists none (their default losses are documented). */
    static final List<String> DEFAULTS = List.of("fp16", "int8", "int4");

    private final CheckContext ctx;

    CodecListChecker(CheckContext ctx) {
        this.ctx = ctx;
    }

    /** The candidate codecs in the order listed; {@code none} is always a candidate, so it is not listed. */
    List<CodecFacts> check(Optional<Assignment> list, Map<String, CodecFacts> declared) {
        List<CodecFacts> out = new ArrayList<>();
        if (list.isEmpty()) {
            for (String name : DEFAULTS) {
                out.add(declared.getOrDefault(name, builtIn(name)));
            }
            declared.forEach((name, c) -> {
                if (!c.builtIn()) {
                    out.add(c);
                }
            });
            return out;
        }
        Value value = list.get().value();
        if (!(value instanceof ListValue lv)) {
            ctx.diags()
                    .report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            value.span(),
                            "`codecs` expects a list, found " + ValueReader.describe(value) + ".",
                            "Write a list: `codecs = [" + ctx.diags().source().slice(value.span()) + "]`.");
            return out;
        }
        Map<String, Span> seen = new HashMap<>();
        for (Value element : lv.elements()) {
            Optional<CodecFacts> c = candidate(element, declared);
            if (c.isEmpty()) {
                continue;
            }
            String name = c.get().name();
            if (seen.containsKey(name)) {
                ctx.diags()
                        .report(
                                DiagnosticCode.DUPLICATE_NAME,
                                element.span(),
                                "Codec `" + name + "` is listed twice.",
                                "Remove one.");
                continue;
            }
            seen.put(name, element.span());
            if (!name.equals("none")) {
                out.add(c.get());
            }
        }
        return out;
    }

    private Optional<CodecFacts> candidate(Value element, Map<String, CodecFacts> declared) {
        if (element instanceof CallValue call) {
            return topk(call, declared);
        }
        if (!(element instanceof SymbolValue) && !(element instanceof StringValue)) {
            ctx.diags()
                    .report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            element.span(),
                            "A codec in `codecs` is a name such as `int8` or `topk(10 %)`, found "
                                    + ValueReader.describe(element) + ".");
            return Optional.empty();
        }
        String name = element instanceof SymbolValue s ? s.name().text() : ((StringValue) element).value();
        if (name.equals("topk")) {
            ctx.diags()
                    .report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            element.span(),
                            "`topk` needs the fraction of each row it keeps.",
                            "Write e.g. `topk(10 %)`.");
            return Optional.empty();
        }
        if (declared.containsKey(name)) {
            return Optional.of(declared.get(name));
        }
        if (CodecChecker.BUILT_IN.contains(name) || isZstdVariant(name)) {
            return Optional.of(builtIn(name));
        }
        unknownCodec(name, element.span(), declared);
        return Optional.empty();
    }

    /** {@code topk(p)}: keeps the fraction {@code p} of each row, named by its percentage. */
    private Optional<CodecFacts> topk(CallValue call, Map<String, CodecFacts> declared) {
        if (!call.callee().text().equals("topk")) {
            unknownCodec(call.callee().text(), call.callee().span(), declared);
            return Optional.empty();
        }
        if (call.arguments().size() != 1 || call.arguments().get(0).name().isPresent()) {
            ctx.diags()
                    .report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            call.span(),
                            "`topk` takes one argument, the fraction of each row kept.",
                            "Write e.g. `topk(10 %)`.");
            return Optional.empty();
        }
        Value arg = call.arguments().get(0).value();
        OptionalDouble p = ctx.values().quantity("topk", arg, Dimension.RATIO);
        if (p.isEmpty()) {
            return Optional.empty();
        }
        if (!(p.getAsDouble() > 0 && p.getAsDouble() <= 1)) {
            ctx.diags()
                    .report(
                            DiagnosticCode.TOPK_OUT_OF_RANGE,
                            arg.span(),
                            "`topk` keeps a fraction of each row in (0 %, 100 %], found `"
                                    + ctx.diags().source().slice(arg.span()) + "`.",
                            "E.g. `topk(10 %)` keeps the largest tenth.");
            return Optional.empty();
        }
        // 7 % arrives as 0.07, and 0.07 * 100 is 7.000000000000001 in binary: twelve significant
        // digits name the percentage the user wrote, and the runtime's CodecSpec parses that name.
        String name = "topk("
                + new BigDecimal(p.getAsDouble() * 100)
                        .round(new java.math.MathContext(12))
                        .stripTrailingZeros()
                        .toPlainString()
                + "%)";
        return Optional.of(new CodecFacts(
                name,
                true,
                OptionalDouble.of(p.getAsDouble()),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty()));
    }

    /** `fp16+zstd`, `int8+zstd`, `int4+zstd`, `none+zstd`: a built-in codec followed by the lossless zstd stage. */
    static boolean isZstdVariant(String name) {
        return name.endsWith("+zstd")
                && List.of("none", "fp16", "int8", "int4").contains(name.substring(0, name.length() - 5));
    }

    private void unknownCodec(String name, Span at, Map<String, CodecFacts> declared) {
        List<String> known = new ArrayList<>(CodecChecker.BUILT_IN);
        known.addAll(declared.keySet());
        ctx.diags()
                .report(
                        DiagnosticCode.UNKNOWN_CODEC,
                        at,
                        "Unknown codec `" + name + "`.",
                        Suggestions.didYouMean(name, known)
                                .orElse(
                                        "Built-in codecs are `none`, `fp16`, `int8`, `int4` and `topk(p)`, and \"int8+zstd\" etc. (quoted) "
                                                + "for a lossless zstd stage after one; declare others with `codec NAME { ratio = ...; loss = ... }`."));
    }

    private static CodecFacts builtIn(String name) {
        return new CodecFacts(
                name,
                true,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
    }
}
