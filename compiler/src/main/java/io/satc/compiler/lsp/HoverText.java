package io.satc.compiler.lsp;

import io.satc.compiler.codegen.Quantities;
import io.satc.compiler.sema.Dimension;
import io.satc.compiler.sema.Quantity;
import io.satc.compiler.sema.SemanticTables;
import io.satc.compiler.sema.Units;
import io.satc.compiler.source.SourceFile;
import io.satc.compiler.syntax.ast.Assignment;
import io.satc.compiler.syntax.ast.NumberValue;
import io.satc.compiler.syntax.ast.Statement;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The Markdown a hover shows. On a number: its value converted to the base unit of its dimension
 * (as analysis converted it, from {@link SemanticTables}). On a unit: its dimension and factor.
 * On a satellite or ground station: its attributes in base units and its memory under the
 * current plan; on a codec or constellation: its attributes.
 */
final class HoverText {

    private HoverText() {}

    static Optional<String> of(MissionIndex.Target target, Snapshot snapshot, PlanState plan) {
        SemanticTables tables = snapshot.analysis().tables();
        SourceFile src = snapshot.source();
        if (target instanceof MissionIndex.Number n) {
            return number(n.value(), n.key(), tables, src);
        }
        if (target instanceof MissionIndex.Unit u) {
            return Units.lookup(u.symbol())
                    .map(def -> "`" + def.symbol() + "`: a unit of "
                            + def.dimension().noun() + "; 1 " + def.symbol() + " = " + plain(def.factor()) + " "
                            + def.dimension().baseUnit());
        }
        MissionIndex.Name name = (MissionIndex.Name) target;
        return Optional.of(declaration(name, tables, src, plan));
    }

    private static Optional<String> number(NumberValue n, String key, SemanticTables tables, SourceFile src) {
        String written = "`" + key + " = " + src.slice(n.span()) + "`"; // n is the value, also on its key
        Optional<Quantity> q = tables.quantity(n);
        if (q.isEmpty()) {
            return n.unit().isEmpty() ? Optional.of(written + ": a plain number") : Optional.empty();
        }
        Dimension d = q.get().dimension();
        String note = d == Dimension.RATIO ? "ratio: a fraction or factor" : d.noun();
        return Optional.of(written + " = " + base(q.get()) + " (" + note + ")");
    }

    private static String declaration(MissionIndex.Name name, SemanticTables tables, SourceFile src, PlanState plan) {
        MissionIndex.Declaration d = name.declaration();
        StringBuilder md = new StringBuilder();
        md.append("**").append(d.kind()).append("** `").append(d.name()).append('`');
        if (!name.written().equals(d.name())) {
            md.append(" — `").append(name.written()).append("` is one of its satellites");
        }
        md.append("\n");
        for (Statement s : d.block().body().statements()) {
            if (s instanceof Assignment a) {
                md.append("\n- `")
                        .append(a.key().text())
                        .append(" = ")
                        .append(src.slice(a.value().span()).replace('`', '\''))
                        .append('`');
                if (a.value() instanceof NumberValue n) {
                    tables.quantity(n).ifPresent(q -> md.append(" = ").append(base(q)));
                }
            }
        }
        if (d.kind().equals("satellite") || d.kind().equals("ground")) {
            md.append("\n\n").append(planLine(d.name(), plan));
        }
        return md.toString();
    }

    /** What the current plan does with a node's memory. */
    static String planLine(String node, PlanState plan) {
        if (plan instanceof PlanState.Ready r) {
            PlanState.Stage s = r.stagesByNode().get(node);
            if (s == null) {
                return "Plan (`" + r.summary() + "`): runs no stage here, so all its memory is free.";
            }
            String line = "Plan (`" + r.summary() + "`): stage " + s.index() + " runs units " + s.firstUnit() + ".."
                    + s.lastUnit() + " and needs " + Quantities.bytes(s.requiredBytes());
            if (Double.isInfinite(s.availableBytes())) {
                return line + "; memory is unbounded.";
            }
            return line + " of " + Quantities.bytes(s.availableBytes()) + ": **free memory "
                    + Quantities.bytes(s.availableBytes() - s.requiredBytes()) + "**.";
        }
        if (plan instanceof PlanState.Pending) {
            return "Plan: being computed; hover again in a moment.";
        }
        if (plan instanceof PlanState.Infeasible inf) {
            return "Plan: no placement is feasible"
                    + (inf.reasons().isEmpty() ? "." : ": " + inf.reasons().get(0));
        }
        return "Plan: " + ((PlanState.Unavailable) plan).reason() + ".";
    }

    /** A base-unit value: whole numbers in full with digit groups, others in the shortest exact decimal form. */
    static String base(Quantity q) {
        Dimension d = q.dimension();
        return d == Dimension.RATIO || d == Dimension.NUMBER ? plain(q.value()) : plain(q.value()) + " " + d.baseUnit();
    }

    static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e18) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return Double.toString(v).replace("E", "e");
    }

    private static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.TEN.pow(18)) < 0) {
            return String.format(Locale.ROOT, "%,d", s.longValueExact());
        }
        return s.toString().replace("E", "e");
    }
}
