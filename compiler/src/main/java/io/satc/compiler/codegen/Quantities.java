package io.satc.compiler.codegen;

import io.satc.runtime.report.Figures;
import java.util.Locale;

/**
 * Fixed, locale-independent formatting of the numbers in reports (same input, same bytes); times
 * and sizes as the runtime prints them.
 */
public final class Quantities {

    private Quantities() {}

    public static String seconds(double s) {
        return Figures.seconds(s);
    }

    public static String bytes(double b) {
        return Figures.bytes(b);
    }

    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f %%", fraction * 100);
    }

    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2fx", r);
    }

    public static String flops(double f) {
        String[] units = {"FLOP", "kFLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP"};
        int i = 0;
        double v = f;
        while (Math.abs(v) >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[i]);
    }

    /** "−42.0 %" style reduction of {@code ours} against {@code theirs}: positive means ours is smaller. */
    public static String reduction(double ours, double theirs) {
        if (!(theirs > 0)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.1f %%", (1 - ours / theirs) * 100);
    }
}
