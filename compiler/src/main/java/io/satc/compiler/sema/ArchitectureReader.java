package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.sema.AnalyzedMission.ArchSource;
import io.satc.compiler.sema.ArchitectureSignatures.Signature;
import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Reads {@code arch = vit(layers = 12, ...)}: the architecture name and its named integer parameters. */
final class ArchitectureReader {

    private ArchitectureReader() {}

    static Optional<ArchSource> read(Value value, ValueReader values, Diagnostics diags) {
        if (value instanceof SymbolValue s) {
            Optional<Signature> sig = ArchitectureSignatures.lookup(s.name().text());
            if (sig.isPresent()) {
                List<String> shown = new java.util.ArrayList<>(sig.get().required());
                if (s.name().text().equals("vit")) {
                    shown.add("image");
                }
                diags.report(
                        DiagnosticCode.WRONG_VALUE_KIND,
                        value.span(),
                        "`arch` needs the parameters of `" + s.name().text() + "`.",
                        "Write `" + s.name().text() + "(" + String.join(" = ..., ", shown) + " = ...)`.");
            } else {
                unknown(s.name(), diags);
            }
            return Optional.empty();
        }
        if (!(value instanceof CallValue call)) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    value.span(),
                    "`arch` expects an architecture such as `vit(layers = 12, ...)`, found "
                            + ValueReader.describe(value) + ".",
                    "Built-in architectures: " + ValueReader.quoteAll(ArchitectureSignatures.names()) + ".");
            return Optional.empty();
        }
        Optional<Signature> sig = ArchitectureSignatures.lookup(call.callee().text());
        if (sig.isEmpty()) {
            unknown(call.callee(), diags);
            return Optional.empty();
        }
        Signature signature = sig.get();
        Map<String, Argument> given = new HashMap<>();
        TreeMap<String, Long> params = new TreeMap<>();
        boolean ok = true;
        java.util.Set<String> meant = new java.util.HashSet<>();
        for (Argument arg : call.arguments()) {
            if (arg.name().isEmpty()) {
                if (ok || given.size() > 0 || arg == call.arguments().get(0)) {
                    diags.report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            arg.span(),
                            "Architecture parameters are named.",
                            "Write e.g. `layers = 12`; `" + call.callee().text() + "` takes "
                                    + ValueReader.quoteAll(signature.all()) + ".");
                }
                // One report for the call: the other positional arguments are the same mistake.
                return Optional.empty();
            }
            Ident name = arg.name().get();
            if (!signature.all().contains(name.text())) {
                Optional<String> guess = Suggestions.closest(name.text(), signature.all());
                guess.ifPresent(meant::add);
                diags.report(
                        DiagnosticCode.UNKNOWN_ARCH_PARAMETER,
                        name.span(),
                        "`" + call.callee().text() + "` has no parameter `" + name.text() + "`.",
                        Suggestions.didYouMean(name.text(), signature.all())
                                .orElse("`" + call.callee().text() + "` takes " + ValueReader.quoteAll(signature.all())
                                        + "."));
                ok = false;
                continue;
            }
            if (given.containsKey(name.text())) {
                diags.report(
                        DiagnosticCode.DUPLICATE_ARCH_PARAMETER,
                        name.span(),
                        "Parameter `" + name.text() + "` is given twice.",
                        "Remove one.");
                ok = false;
                continue;
            }
            given.put(name.text(), arg);
            OptionalLong v = values.positiveInteger(name.text(), arg.value());
            if (v.isPresent()) {
                params.put(name.text(), v.getAsLong());
            } else {
                ok = false;
            }
        }
        for (String required : signature.required()) {
            // A misspelt parameter already got a did-you-mean; do not also call its intended name missing.
            if (!given.containsKey(required) && !meant.contains(required)) {
                diags.report(
                        DiagnosticCode.MISSING_ARCH_PARAMETER,
                        call.callee().span(),
                        "`" + call.callee().text() + "` needs the parameter `" + required + "`.",
                        "Add `" + required + " = ...` to the call.");
                ok = false;
            }
        }
        if (call.callee().text().equals("vit")) {
            boolean image = given.containsKey("image");
            boolean h = given.containsKey("height");
            boolean w = given.containsKey("width");
            if (image && (h || w)) {
                Argument second = given.get(h ? "height" : "width");
                diags.report(
                        DiagnosticCode.CONFLICTING_ATTRIBUTES,
                        second.name().get().span(),
                        "`vit` takes `image` (a square side) or `height` and `width`, not both.",
                        "Remove one form.");
                ok = false;
            } else if (!image
                    && !(h && w)
                    && !meant.contains("image")
                    && !meant.contains("height")
                    && !meant.contains("width")) {
                diags.report(
                        DiagnosticCode.MISSING_ARCH_PARAMETER,
                        call.callee().span(),
                        "`vit` needs `image` (a square side in pixels) or both `height` and `width`.",
                        "Add e.g. `image = 224`.");
                ok = false;
            }
            if (ok && image) {
                params.put("height", params.get("image"));
                params.put("width", params.get("image"));
                params.remove("image");
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        signature.defaults().forEach(params::putIfAbsent);
        switch (call.callee().text()) {
            case "gpt" -> params.putIfAbsent("mlp", 4 * params.get("hidden"));
            case "llama" -> params.putIfAbsent("kv_heads", params.get("heads"));
            case "vit" -> params.putIfAbsent("channels", 3L);
            default -> {}
        }
        return Optional.of(new ArchSource(call.callee().text(), params));
    }

    private static void unknown(Ident name, Diagnostics diags) {
        diags.report(
                DiagnosticCode.UNKNOWN_ARCHITECTURE,
                name.span(),
                "Unknown architecture `" + name.text() + "`.",
                Suggestions.didYouMean(name.text(), ArchitectureSignatures.names())
                        .orElse("Built-in architectures: " + ValueReader.quoteAll(ArchitectureSignatures.names())
                                + "; for other models give `onnx = \"...\"` or `profile = \"...\"`."));
    }
}
