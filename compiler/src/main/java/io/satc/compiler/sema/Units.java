package io.satc.compiler.sema;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The unit table of mission language version 1: each symbol's dimension and its factor to the
 * dimension's base unit (bytes, bit/s, FLOP/s, FLOP, s, m, rad, W; {@code %} to a fraction).
 */
public final class Units {

    /** A unit symbol's meaning. */
    public record UnitDef(String symbol, Dimension dimension, BigDecimal factor) {}

    private static final Map<String, UnitDef> TABLE = new LinkedHashMap<>();

    static {
        BigDecimal k = BigDecimal.valueOf(1000);
        BigDecimal ki = BigDecimal.valueOf(1024);
        BigDecimal eighth = new BigDecimal("0.125");
        def("bit", Dimension.DATA, eighth);
        def("kbit", Dimension.DATA, eighth.multiply(k));
        def("Mbit", Dimension.DATA, eighth.multiply(k.pow(2)));
        def("Gbit", Dimension.DATA, eighth.multiply(k.pow(3)));
        def("B", Dimension.DATA, BigDecimal.ONE);
        def("kB", Dimension.DATA, k);
        def("MB", Dimension.DATA, k.pow(2));
        def("GB", Dimension.DATA, k.pow(3));
        def("TB", Dimension.DATA, k.pow(4));
        def("KiB", Dimension.DATA, ki);
        def("MiB", Dimension.DATA, ki.pow(2));
        def("GiB", Dimension.DATA, ki.pow(3));
        def("TiB", Dimension.DATA, ki.pow(4));

        def("bps", Dimension.RATE, BigDecimal.ONE);
        def("kbps", Dimension.RATE, k);
        def("Mbps", Dimension.RATE, k.pow(2));
        def("Gbps", Dimension.RATE, k.pow(3));
        def("Tbps", Dimension.RATE, k.pow(4));
        BigDecimal eight = BigDecimal.valueOf(8);
        def("B/s", Dimension.RATE, eight);
        def("kB/s", Dimension.RATE, eight.multiply(k));
        def("MB/s", Dimension.RATE, eight.multiply(k.pow(2)));
        def("GB/s", Dimension.RATE, eight.multiply(k.pow(3)));

        def("FLOPS", Dimension.COMPUTE, BigDecimal.ONE);
        def("GFLOPS", Dimension.COMPUTE, k.pow(3));
        def("TFLOPS", Dimension.COMPUTE, k.pow(4));
        def("PFLOPS", Dimension.COMPUTE, k.pow(5));
        def("FLOP", Dimension.WORK, BigDecimal.ONE);
        def("GFLOP", Dimension.WORK, k.pow(3));
        def("TFLOP", Dimension.WORK, k.pow(4));

        def("ns", Dimension.TIME, new BigDecimal("1e-9"));
        def("us", Dimension.TIME, new BigDecimal("1e-6"));
        def("ms", Dimension.TIME, new BigDecimal("1e-3"));
        def("s", Dimension.TIME, BigDecimal.ONE);
        def("min", Dimension.TIME, BigDecimal.valueOf(60));
        def("h", Dimension.TIME, BigDecimal.valueOf(3600));

        def("m", Dimension.LENGTH, BigDecimal.ONE);
        def("km", Dimension.LENGTH, k);

        def("deg", Dimension.ANGLE, new BigDecimal("0.017453292519943295769236907684886"));
        def("rad", Dimension.ANGLE, BigDecimal.ONE);

        def("mW", Dimension.POWER, new BigDecimal("1e-3"));
        def("W", Dimension.POWER, BigDecimal.ONE);
        def("kW", Dimension.POWER, k);

        def("%", Dimension.RATIO, new BigDecimal("0.01"));
        def("x", Dimension.RATIO, BigDecimal.ONE);
    }

    private Units() {}

    private static void def(String symbol, Dimension dim, BigDecimal factor) {
        TABLE.put(symbol, new UnitDef(symbol, dim, factor));
    }

    public static Optional<UnitDef> lookup(String symbol) {
        return Optional.ofNullable(TABLE.get(symbol));
    }

    /** Every unit symbol, sorted; for suggestions. */
    public static List<String> symbols() {
        return List.copyOf(new TreeMap<>(TABLE).keySet());
    }

    /** Common spellings that are not units, with what to write instead. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("bit/s", "bps"),
            Map.entry("kbit/s", "kbps"),
            Map.entry("Mbit/s", "Mbps"),
            Map.entry("Gbit/s", "Gbps"),
            Map.entry("Tbit/s", "Tbps"),
            Map.entry("Kbps", "kbps"),
            Map.entry("KB", "kB"),
            Map.entry("KB/s", "kB/s"),
            Map.entry("Gb", "Gbit` (bits) or `GB` (bytes"),
            Map.entry("Mb", "Mbit` (bits) or `MB` (bytes"),
            Map.entry("kb", "kbit` (bits) or `kB` (bytes"),
            Map.entry("Tb", "Tbit` (bits) or `TB` (bytes"),
            Map.entry("TOPS", "TFLOPS` (satc counts floating-point operations"),
            Map.entry("GOPS", "GFLOPS` (satc counts floating-point operations"),
            Map.entry("flops", "FLOPS"),
            Map.entry("Tflops", "TFLOPS"),
            Map.entry("TFlops", "TFLOPS"),
            Map.entry("Gflops", "GFLOPS"),
            Map.entry("sec", "s"),
            Map.entry("msec", "ms"),
            Map.entry("µs", "us"),
            Map.entry("KM", "km"),
            Map.entry("percent", "%"));

    /** What to write instead of a common non-unit, if it is one. */
    public static java.util.Optional<String> alias(String symbol) {
        return java.util.Optional.ofNullable(ALIASES.get(symbol));
    }

    /** The symbols of one dimension, in table order; for help texts. */
    public static List<String> symbolsOf(Dimension dim) {
        return TABLE.values().stream()
                .filter(u -> u.dimension() == dim)
                .map(UnitDef::symbol)
                .toList();
    }
}
