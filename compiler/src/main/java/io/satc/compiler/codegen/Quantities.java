package io.satc.compiler.codegen;

import java.util.Locale;

/** Fixed, locale-independent formatting of the numbers in reports (same input, same bytes). */
public final class Quantities {

    private Quantities() {}

    public static String seconds(double s) {
        if (s == 0) {
            return "0 s";
        }
        if (s < 1e-3) {
            return String.format(Locale.ROOT, "%.1f us", s * 1e6);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.2f ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    public static String bytes(double b) {
        if (Double.isInfinite(b)) {
            return "unbounded";
        }
        String[] units = {"B", "kB", "MB", "GB", "TB", "PB"};
        int i = 0;
        double v = b;
        while (Math.abs(v) >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return i == 0 ? String.format(Locale.ROOT, "%.0f B", v) : String.format(Locale.ROOT, "%.2f %s", v, units[i]);
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
