package io.satc.compiler.sema;

import io.satc.compiler.diag.DiagnosticCode;
import io.satc.compiler.diag.Diagnostics;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.AstVisitor;
import io.satc.compiler.syntax.ast.BlockDecl;
import io.satc.compiler.syntax.ast.CallValue;
import io.satc.compiler.syntax.ast.LinkDecl;
import io.satc.compiler.syntax.ast.ListValue;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.StringValue;
import io.satc.compiler.syntax.ast.SymbolValue;
import io.satc.compiler.syntax.ast.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads typed values out of AST values, reporting every mismatch (missing unit, wrong
 * dimension, not an integer, out of range, a file that is not there) as a diagnostic. Converted
 * quantities are recorded in a side table keyed by the AST node's identity. One per file, shared by
 * every checker.
 */
final class ValueReader {

    /** Numbers beyond this magnitude are almost certainly typos, and would lose all precision. */
    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("1e30");

    private final Diagnostics diags;
    private final Map<NumberValue, Quantity> quantities = new IdentityHashMap<>();

    ValueReader(Diagnostics diags) {
        this.diags = diags;
    }

    Map<NumberValue, Quantity> quantities() {
        return quantities;
    }

    /** A quantity of the given dimension (a unit is required unless the dimension is NUMBER). */
    OptionalDouble quantity(String what, Value value, Dimension dim) {
        if (!(value instanceof NumberValue n)) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    value.span(),
                    "`" + what + "` expects " + dim.phrase() + " such as " + dim.example() + ", found "
                            + describe(value) + ".",
                    "Write a number followed by a unit, e.g. " + dim.example() + ".");
            return OptionalDouble.empty();
        }
        Optional<BigDecimal> number = number(n);
        if (number.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (n.unit().isEmpty()) {
            if (dim == Dimension.NUMBER) {
                return finite(n, number.get(), BigDecimal.ONE, dim);
            }
            diags.report(
                    DiagnosticCode.MISSING_UNIT,
                    n.span(),
                    "`" + what + "` expects " + dim.phrase() + " such as " + dim.example() + "; `" + n.literal()
                            + "` has no unit.",
                    "Add a unit: " + unitList(dim) + ".");
            return OptionalDouble.empty();
        }
        String symbol = n.unit().get().text();
        Optional<Units.UnitDef> unit = Units.lookup(symbol);
        if (unit.isEmpty()) {
            String help = Units.alias(symbol)
                    .map(a -> "Write `" + a + "`.")
                    .or(() -> dim == Dimension.NUMBER
                            ? java.util.Optional.of("Remove the unit.")
                            : Suggestions.didYouMean(symbol, Units.symbolsOf(dim)))
                    .orElse("Units of " + dim.phrase() + ": " + unitList(dim) + ".");
            diags.report(DiagnosticCode.UNKNOWN_UNIT, n.unit().get().span(), "Unknown unit `" + symbol + "`.", help);
            return OptionalDouble.empty();
        }
        if (unit.get().dimension() != dim) {
            String found = unit.get().dimension().phrase();
            diags.report(
                    DiagnosticCode.WRONG_DIMENSION,
                    n.span(),
                    "`" + what + "` expects " + dim.phrase() + ", found " + found + " (`" + symbol + "`).",
                    dim == Dimension.NUMBER
                            ? "Write a plain number such as `64`."
                            : "Use " + article(dim.noun()) + " " + dim.noun() + " unit: " + unitList(dim) + ".");
            return OptionalDouble.empty();
        }
        return finite(n, number.get(), unit.get().factor(), dim);
    }

    private OptionalDouble finite(NumberValue n, BigDecimal number, BigDecimal factor, Dimension dim) {
        BigDecimal base = number.multiply(factor);
        if (base.abs().compareTo(MAX_MAGNITUDE) > 0) {
            diags.report(
                    DiagnosticCode.NUMBER_OUT_OF_RANGE,
                    n.span(),
                    "The number `" + clip(n.literal()) + "` is too large.",
                    "Values must stay below 1e30 in base units.");
            return OptionalDouble.empty();
        }
        double v = base.doubleValue();
        quantities.put(n, new Quantity(v, dim));
        return OptionalDouble.of(v);
    }

    /** A plain integer (no unit). */
    OptionalLong integer(String what, Value value) {
        if (!(value instanceof NumberValue n)) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    value.span(),
                    "`" + what + "` expects a whole number such as `64`, found " + describe(value) + ".");
            return OptionalLong.empty();
        }
        if (n.unit().isPresent()) {
            String symbol = n.unit().get().text();
            String found = Units.lookup(symbol)
                    .map(u -> u.dimension().phrase() + " (`" + symbol + "`)")
                    .orElse("the unit `" + symbol + "`");
            diags.report(
                    DiagnosticCode.WRONG_DIMENSION,
                    n.span(),
                    "`" + what + "` expects a plain number, found " + found + ".",
                    "Remove the unit: `" + n.literal() + "`.");
            return OptionalLong.empty();
        }
        Optional<BigDecimal> number = number(n);
        if (number.isEmpty()) {
            return OptionalLong.empty();
        }
        BigDecimal v = number.get();
        if (v.signum() != 0 && v.stripTrailingZeros().scale() > 0) {
            diags.report(
                    DiagnosticCode.EXPECTED_INTEGER,
                    n.span(),
                    "`" + what + "` must be a whole number, found `" + n.literal() + "`.");
            return OptionalLong.empty();
        }
        BigInteger i = v.toBigInteger();
        if (i.bitLength() > 62) {
            diags.report(
                    DiagnosticCode.NUMBER_OUT_OF_RANGE,
                    n.span(),
                    "The number `" + clip(n.literal()) + "` is too large for `" + what + "`.",
                    "Values must stay below 2^62.");
            return OptionalLong.empty();
        }
        quantities.put(n, new Quantity(i.doubleValue(), Dimension.NUMBER));
        return OptionalLong.of(i.longValue());
    }

    /** A positive integer. */
    OptionalLong positiveInteger(String what, Value value) {
        OptionalLong v = integer(what, value);
        if (v.isPresent() && v.getAsLong() <= 0) {
            diags.report(
                    DiagnosticCode.NOT_POSITIVE,
                    value.span(),
                    "`" + what + "` must be positive, found `" + v.getAsLong() + "`.");
            return OptionalLong.empty();
        }
        return v;
    }

    /** A quantity that must be strictly positive. */
    OptionalDouble positive(String what, Value value, Dimension dim) {
        OptionalDouble v = quantity(what, value, dim);
        if (v.isPresent() && !(v.getAsDouble() > 0)) {
            diags.report(
                    DiagnosticCode.NOT_POSITIVE,
                    value.span(),
                    "`" + what + "` must be positive, found `" + source(value) + "`.");
            return OptionalDouble.empty();
        }
        return v;
    }

    /** The attribute {@code key} of a block as a strictly positive quantity, when it is given. */
    OptionalDouble positive(Attributes attrs, String key, Dimension dim) {
        return attrs.value(key).map(v -> positive(key, v, dim)).orElse(OptionalDouble.empty());
    }

    /** A quantity that must not be negative. */
    OptionalDouble nonNegative(String what, Value value, Dimension dim) {
        OptionalDouble v = quantity(what, value, dim);
        if (v.isPresent() && v.getAsDouble() < 0) {
            diags.report(
                    DiagnosticCode.NOT_POSITIVE,
                    value.span(),
                    "`" + what + "` must not be negative, found `" + source(value) + "`.");
            return OptionalDouble.empty();
        }
        return v;
    }

    /**
     * A quantity within {@code [min, max]} in base units ({@code max} itself excluded unless
     * {@code maxIncluded}); outside it is reported with {@code code} as "`what` must lie
     * {@code range}", e.g. "between -90 deg and 90 deg". Bounds tolerate rounding of the unit
     * conversion (so {@code 90 deg} is within a bound of pi/2).
     */
    OptionalDouble within(
            String what,
            Value value,
            Dimension dim,
            double min,
            double max,
            boolean maxIncluded,
            String range,
            DiagnosticCode code,
            String help) {
        OptionalDouble v = quantity(what, value, dim);
        if (v.isEmpty()) {
            return v;
        }
        double x = v.getAsDouble();
        double slackMin = 1e-12 * Math.max(1, Math.abs(min));
        double slackMax = 1e-12 * Math.max(1, Math.abs(max));
        boolean ok = x >= min - slackMin && (maxIncluded ? x <= max + slackMax : x < max - slackMax);
        if (!ok) {
            diags.report(
                    code, value.span(), "`" + what + "` must lie " + range + ", found `" + source(value) + "`.", help);
            return OptionalDouble.empty();
        }
        return v;
    }

    /** A loss: a ratio within [0, 100 %]. */
    OptionalDouble loss(String what, Value value) {
        OptionalDouble v = quantity(what, value, Dimension.RATIO);
        if (v.isPresent() && (v.getAsDouble() < 0 || v.getAsDouble() > 1)) {
            diags.report(
                    DiagnosticCode.LOSS_OUT_OF_RANGE,
                    value.span(),
                    "`" + what + "` must lie between 0 % and 100 %, found `" + source(value) + "`.",
                    "A loss is a fraction of accuracy, e.g. `1 %` or `0.3 %`.");
            return OptionalDouble.empty();
        }
        return v;
    }

    /** A name: bare or quoted. */
    Optional<String> name(String what, Value value) {
        if (value instanceof SymbolValue s) {
            return Optional.of(s.name().text());
        }
        if (value instanceof StringValue s) {
            return Optional.of(s.value());
        }
        diags.report(
                DiagnosticCode.WRONG_VALUE_KIND,
                value.span(),
                "`" + what + "` expects a name such as `leo-1`, found " + describe(value) + ".");
        return Optional.empty();
    }

    /** A double-quoted string (paths, patterns). */
    Optional<String> string(String what, Value value) {
        if (value instanceof StringValue s) {
            return Optional.of(s.value());
        }
        diags.report(
                DiagnosticCode.WRONG_VALUE_KIND,
                value.span(),
                "`" + what + "` expects a quoted string, found " + describe(value) + ".",
                value instanceof SymbolValue s ? "Quote it: `\"" + s.name().text() + "\"`." : null);
        return Optional.empty();
    }

    /** A positive integer that counts something held in an {@code int} (larger values are clamped). */
    OptionalInt count(String what, Value value) {
        OptionalLong v = positiveInteger(what, value);
        return v.isPresent() ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, v.getAsLong())) : OptionalInt.empty();
    }

    /** A quoted path to an existing file, resolved against the mission file's folder. */
    Optional<Path> file(String what, Value value) {
        Optional<String> s = string(what, value);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Path p;
        try {
            p = diags.source().baseDirectory().resolve(s.get()).normalize();
        } catch (InvalidPathException e) {
            diags.report(DiagnosticCode.FILE_NOT_FOUND, value.span(), "`" + s.get() + "` is not a valid path.");
            return Optional.empty();
        }
        if (!Files.isRegularFile(p)) {
            diags.report(
                    DiagnosticCode.FILE_NOT_FOUND,
                    value.span(),
                    describeFile(what) + " `" + s.get() + "` not found.",
                    "Paths are relative to the folder of the mission file.");
            return Optional.empty();
        }
        return Optional.of(p);
    }

    private static String describeFile(String what) {
        return switch (what) {
            case "onnx" -> "ONNX model";
            case "profile" -> "Profile";
            case "tokenizer" -> "Tokenizer";
            case "calibration" -> "Calibration data";
            case "tle" -> "TLE file";
            default -> "File";
        };
    }

    /** One of a fixed set of keywords, with a suggestion when misspelt. */
    Optional<String> option(String what, Value value, List<String> options) {
        // Quoted and bare names are the same thing (mission language, "Lexical").
        Optional<String> word = value instanceof SymbolValue s
                ? Optional.of(s.name().text())
                : value instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
        if (word.isEmpty()) {
            diags.report(
                    DiagnosticCode.WRONG_VALUE_KIND,
                    value.span(),
                    "`" + what + "` expects one of " + quoteAll(options) + ", found " + describe(value) + ".");
            return Optional.empty();
        }
        if (!options.contains(word.get())) {
            diags.report(
                    DiagnosticCode.UNKNOWN_OPTION,
                    value.span(),
                    "`" + what + "` must be " + (options.size() == 1 ? "" : "one of ") + quoteAll(options) + ", found `"
                            + word.get() + "`.",
                    Suggestions.didYouMean(word.get(), options)
                            .orElse(
                                    options.size() == 1
                                            ? "`" + options.get(0) + "` is the only choice in this version of satc."
                                            : "Choose one of " + quoteAll(options) + "."));
            return Optional.empty();
        }
        return word;
    }

    private Optional<BigDecimal> number(NumberValue n) {
        try {
            return Optional.of(new BigDecimal(n.literal()));
        } catch (NumberFormatException | ArithmeticException e) {
            diags.report(
                    DiagnosticCode.NUMBER_OUT_OF_RANGE,
                    n.span(),
                    "The number `" + clip(n.literal()) + "` cannot be represented.");
            return Optional.empty();
        }
    }

    private String source(Value v) {
        return clip(diags.source().slice(v.span()));
    }

    static String quoteAll(List<String> options) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < options.size(); i++) {
            if (i > 0) {
                sb.append(i == options.size() - 1 ? " or " : ", ");
            }
            sb.append('`').append(options.get(i)).append('`');
        }
        return sb.toString();
    }

    private static String unitList(Dimension dim) {
        return quoteAll(Units.symbolsOf(dim));
    }

    private static String article(String word) {
        return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 37) + "..." : s;
    }

    /** How a message names a value's kind: "a string", "the name `fp16`", ... */
    static String describe(Value value) {
        return value.accept(new AstVisitor<String>() {
            @Override
            public String visitBlockDecl(BlockDecl node) {
                return "a block";
            }

            @Override
            public String visitLinkDecl(LinkDecl node) {
                return "a link";
            }

            @Override
            public String visitAssignment(Assignment node) {
                return "an assignment";
            }

            @Override
            public String visitNumber(NumberValue node) {
                return node.unit().isPresent()
                        ? "the quantity `" + clip(node.literal()) + " "
                                + node.unit().get().text() + "`"
                        : "the number `" + clip(node.literal()) + "`";
            }

            @Override
            public String visitString(StringValue node) {
                return "the string \"" + clip(node.value()) + "\"";
            }

            @Override
            public String visitSymbol(SymbolValue node) {
                return "the name `" + clip(node.name().text()) + "`";
            }

            @Override
            public String visitCall(CallValue node) {
                return "the call `" + clip(node.callee().text()) + "(...)`";
            }

            @Override
            public String visitList(ListValue node) {
                return "a list";
            }
        });
    }
}
