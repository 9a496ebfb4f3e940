package io.satc.compiler.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names constellations give their satellites ({@code shell-03-07}, {@code iridium-24793}),
 * and did-you-mean for references to them. A suggestion is found by reading the reference as
 * {@code PREFIX-N-M}, not by comparing it with every generated name, so it stays instant over
 * tens of thousands of satellites and also finds {@code shell-03-07} for {@code shell-3-7}.
 */
final class GeneratedNames {

    /** One constellation's naming scheme. */
    sealed interface Family permits Walker, Catalog, Broken {
        String constellation();
    }

    /**
     * {@code NAME-PP-SS}, plane and slot zero-padded to one width, the digits of the largest
     * index {@code max(P - 1, S - 1)} (the contract's "the largest index", and the geometry's
     * {@code WalkerDelta}): {@code shell-03-07} in 72 x 22, {@code iri-05-10} in 6 x 11.
     */
    record Walker(String constellation, int planes, int perPlane) implements Family {

        int width() {
            return digits(Math.max(planes, perPlane) - 1);
        }

        String name(int plane, int slot) {
            return GeneratedNames.walkerName(constellation, plane, slot, width());
        }
    }

    /** {@code NAME-<catalog number>} for the element sets of a TLE file. */
    record Catalog(String constellation, Set<Long> numbers, List<String> names) implements Family {
        Catalog {
            numbers = Set.copyOf(numbers);
            names = List.copyOf(names);
        }
    }

    /** A constellation whose orbits were wrong (already reported): references to its satellites are not reported again. */
    record Broken(String constellation) implements Family {}

    /** Names from the Catalog of at most this many satellites are compared by edit distance. */
    private static final int MAX_COMPARED = 10_000;

    private static final Pattern NUMBERED = Pattern.compile("(.*?)((?:-[0-9]+)+)");

    private final Map<String, Family> families = new LinkedHashMap<>();

    void add(Family family) {
        families.put(family.constellation(), family);
    }

    /** Every satellite name of a Walker shell, plane by plane. */
    static List<String> walkerNames(String constellation, int planes, int perPlane) {
        int width = new Walker(constellation, planes, perPlane).width();
        List<String> out = new ArrayList<>(planes * perPlane);
        for (int p = 0; p < planes; p++) {
            for (int s = 0; s < perPlane; s++) {
                out.add(walkerName(constellation, p, s, width));
            }
        }
        return out;
    }

    /** The name of a TLE satellite. */
    static String catalogName(String constellation, long catalogNumber) {
        return constellation + "-" + catalogNumber;
    }

    /** True when {@code reference} names a satellite of a constellation whose own errors were already reported. */
    boolean ofBrokenConstellation(String reference) {
        for (Family f : families.values()) {
            if (f instanceof Broken && reference.startsWith(f.constellation() + "-")) {
                return true;
            }
        }
        return false;
    }

    /** The constellation a bare constellation name refers to, if it is one. */
    Optional<String> constellationExample(String reference) {
        Family f = families.get(reference);
        if (f instanceof Walker w) {
            return Optional.of(w.name(0, 0));
        }
        if (f instanceof Catalog c) {
            return Optional.of(c.names().get(0));
        }
        return Optional.empty();
    }

    /** Help for an unknown reference that looks like a generated name: the name it probably meant, or the valid range. */
    Optional<String> help(String reference) {
        Optional<String> example = constellationExample(reference);
        if (example.isPresent()) {
            return Optional.of("`" + reference + "` is a constellation; name one of its satellites, such as `"
                    + example.get() + "`.");
        }
        Matcher m = NUMBERED.matcher(reference);
        if (!m.matches()) {
            return Optional.empty();
        }
        String prefix = m.group(1);
        String[] numbers = m.group(2).substring(1).split("-");
        Family family = families.get(prefix);
        if (family == null) {
            List<String> named = families.values().stream()
                    .filter(f -> !(f instanceof Broken))
                    .map(Family::constellation)
                    .toList();
            family = Suggestions.closest(prefix, named).map(families::get).orElse(null);
        }
        if (family instanceof Walker w) {
            return Optional.of(walkerHelp(w, numbers));
        }
        if (family instanceof Catalog c) {
            return catalogHelp(c, reference, numbers);
        }
        return Optional.empty();
    }

    private static String walkerHelp(Walker w, String[] numbers) {
        if (numbers.length == 2) {
            long p = small(numbers[0]);
            long s = small(numbers[1]);
            if (p < w.planes() && s < w.perPlane()) {
                return "Did you mean `" + w.name((int) p, (int) s) + "`?";
            }
        }
        int width = w.width();
        return "Constellation `" + w.constellation() + "` has planes " + padded(0, width) + ".."
                + padded(w.planes() - 1, width) + " and slots " + padded(0, width) + ".."
                + padded(w.perPlane() - 1, width) + ", e.g. `" + w.name(0, 0) + "`.";
    }

    private static Optional<String> catalogHelp(Catalog c, String reference, String[] numbers) {
        if (numbers.length == 1) {
            long n = small(numbers[0]);
            if (c.numbers().contains(n)) {
                return Optional.of("Did you mean `" + catalogName(c.constellation(), n) + "`?");
            }
            if (c.names().size() <= MAX_COMPARED) {
                Optional<String> close = Suggestions.didYouMean(reference, c.names());
                if (close.isPresent()) {
                    return close;
                }
            }
        }
        return Optional.of("Constellation `" + c.constellation() + "` names its satellites by catalog number, e.g. `"
                + c.names().get(0) + "`; the numbers are those of its TLE file.");
    }

    /** A decimal index, or {@link Long#MAX_VALUE} when it has too many digits to be one. */
    private static long small(String digits) {
        return digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    static int digits(int largest) {
        return Integer.toString(Math.max(0, largest)).length();
    }

    private static String walkerName(String constellation, int plane, int slot, int width) {
        StringBuilder b = new StringBuilder(constellation.length() + 2 * width + 2).append(constellation);
        pad(b.append('-'), plane, width);
        pad(b.append('-'), slot, width);
        return b.toString();
    }

    private static String padded(int value, int width) {
        StringBuilder b = new StringBuilder();
        pad(b, value, width);
        return b.toString();
    }

    private static void pad(StringBuilder b, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
