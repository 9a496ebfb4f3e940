package io.satc.runtime.report;

import java.util.Locale;

/** Fixed, locale-independent formatting of times and sizes in reports and command output. */
public final class Figures {

    private Figures() {}

    /** {@code 0 s}, {@code 12.3 us}, {@code 4.56 ms} or {@code 7.890 s}. */
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

    /** {@code 512 B}, {@code 1.57 MB} (decimal units), or {@code unbounded}. */
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
}
