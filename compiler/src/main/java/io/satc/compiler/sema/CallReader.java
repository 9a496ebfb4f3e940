package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.syntax.ast.Argument;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.Ident;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the value of an attribute that is one of a few calls with named parameters, such as
 * {@code orbits = walker(planes = 72, ...)} or {@code isl = grid(rate = 100 Gbps)}: which call it
 * is, and its arguments by name. Unknown, repeated, positional and missing parameters are
 * reported; what each argument's value means is the caller's business.
 */
final class CallReader {

    /**
     * One call form: its name, the parameters it needs and those it may take, and how it is
     * written in help texts ({@code grid(rate = ..., max_range = ...)}).
     */
    record Form(String name, List<String> required, List<String> optional, String template) {

        List<String> all() {
            return Stream.concat(required.stream(), optional.stream()).toList();
        }
    }

    /**
     * A call's arguments by name; {@code complete} is false when any parameter was unknown, given
     * twice, positional or missing (each reported), so no facts should be built from it.
     */
    record Arguments(Form form, Map<String, Value> byName, boolean complete) {

        Arguments {
            byName = Map.copyOf(byName);
        }

        Optional<Value> get(String name) {
            return Optional.ofNullable(byName.get(name));
        }
    }

    private final Diagnostics diags;

    CallReader(Diagnostics diags) {
        this.diags = diags;
    }

    /**
     * The call {@code value} of attribute {@code key}, which must be one of {@code forms}; a bare
     * name of a form, another call or another kind of value is reported.
     */
    Optional<Arguments> read(String key, Value value, List<Form> forms) {
        return choose(key, value, forms).map(c -> arguments(c.call(), c.form()));
    }

    /** A call and the form it is. */
    record Chosen(CallValue call, Form form) {}

    /** Which of {@code forms} the call {@code value} is, without reading its arguments. */
    Optional<Chosen> choose(String key, Value value, List<Form> forms) {
        List<String> names = forms.stream().map(Form::name).toList();
        if (value instanceof SymbolValue s) {
            Optional<Form> form = find(forms, s.name().text());
            if (form.isPresent()) {
                diags.report(
                        DiagnosticCode.WRONG_VALUE_KIND,
                        value.span(),
                        "`" + key + "` needs the parameters of `" + s.name().text() + "`.",
                        "Write `" + form.get().template() + "`.");
            } else {
                unknownForm(key, s.name(), names);
            }
            return Optional.empty();
        }
        if (!(value instanceof CallValue call)) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    value.span(),
                    "`" + key + "` expects " + choices(forms) + ", found " + ValueReader.describe(value) + ".");
            return Optional.empty();
        }
        Optional<Form> form = find(forms, call.callee().text());
        if (form.isEmpty()) {
            unknownForm(key, call.callee(), names);
            return Optional.empty();
        }
        return Optional.of(new Chosen(call, form.get()));
    }

    /** The named arguments of {@code call} against {@code form}. */
    Arguments arguments(CallValue call, Form form) {
        String callee = call.callee().text();
        Map<String, Value> given = new HashMap<>();
        Map<String, Ident> names = new HashMap<>();
        Set<String> meant = new HashSet<>();
        boolean complete = true;
        for (Argument arg : call.arguments()) {
            if (arg.name().isEmpty()) {
                // One report for the call: further positional arguments are the same mistake.
                if (complete) {
                    diags.report(
                            DiagnosticCode.WRONG_VALUE_KIND,
                            arg.span(),
                            "The parameters of `" + callee + "` are named.",
                            "Write e.g. `" + form.all().get(0) + " = ...`; `" + callee + "` takes "
                                    + ValueReader.quoteAll(form.all()) + ".");
                }
                complete = false;
                continue;
            }
            Ident name = arg.name().get();
            if (!form.all().contains(name.text())) {
                Suggestions.closest(name.text(), form.all()).ifPresent(meant::add);
                diags.report(
                        DiagnosticCode.UNKNOWN_PARAMETER,
                        name.span(),
                        "`" + callee + "` has no parameter `" + name.text() + "`.",
                        Suggestions.didYouMean(name.text(), form.all())
                                .orElse("`" + callee + "` takes " + ValueReader.quoteAll(form.all()) + "."));
                complete = false;
                continue;
            }
            Ident first = names.get(name.text());
            if (first != null) {
                diags.report(
                        DiagnosticCode.DUPLICATE_PARAMETER,
                        name.span(),
                        "Parameter `" + name.text() + "` of `" + callee + "` is given twice.",
                        "The first is at column "
                                + diags.source().column(first.span().start()) + "; remove one.");
                complete = false;
                continue;
            }
            names.put(name.text(), name);
            given.put(name.text(), arg.value());
        }
        for (String required : form.required()) {
            // A misspelt parameter already got a did-you-mean; do not also call its intended name missing.
            if (!given.containsKey(required) && !meant.contains(required)) {
                diags.report(
                        DiagnosticCode.MISSING_PARAMETER,
                        call.callee().span(),
                        "`" + callee + "` needs the parameter `" + required + "`.",
                        "Add `" + required + " = ...`; the call is `" + form.template() + "`.");
                complete = false;
            } else if (!given.containsKey(required)) {
                complete = false;
            }
        }
        return new Arguments(form, given, complete);
    }

    private void unknownForm(String key, Ident name, List<String> names) {
        diags.report(
                DiagnosticCode.UNKNOWN_OPTION,
                name.span(),
                "`" + key + "` must be " + (names.size() == 1 ? "" : "one of ")
                        + ValueReader.quoteAll(
                                names.stream().map(n -> n + "(...)").toList()) + ", found `"
                        + name.text() + "`.",
                Suggestions.didYouMean(name.text(), names)
                        .orElse("Choose one of " + ValueReader.quoteAll(names) + "."));
    }

    private static String choices(List<Form> forms) {
        return ValueReader.quoteAll(forms.stream().map(f -> f.name() + "(...)").toList());
    }

    private static Optional<Form> find(List<Form> forms, String name) {
        return forms.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
