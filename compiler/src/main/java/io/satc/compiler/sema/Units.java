package io.satc.compiler.sema;

import java.math.BigDecimal;
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
    public record UnitDef(String symbol, Dimension dimension, BigDecimal factor) {
    }

    private static final Map<String, UnitDef> TABLE = new TreeMap<>();

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

    private Units() {
    }

    private static void def(String symbol, Dimension dim, BigDecimal factor) {
        TABLE.put(symbol, new UnitDef(symbol, dim, factor));
    }

    public static Optional<UnitDef> lookup(String symbol) {
        return Optional.ofNullable(TABLE.get(symbol));
    }

    /** Every unit symbol, sorted; for suggestions. */
    public static List<String> symbols() {
        return List.copyOf(TABLE.keySet());
    }

    /** The symbols of one dimension, in table order; for help texts. */
    public static List<String> symbolsOf(Dimension dim) {
        return TABLE.values().stream().filter(u -> u.dimension() == dim).map(UnitDef::symbol).toList();
    }
}
