package io.satc.compiler.orbit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Walker delta constellation {@code i: T/P/F}: {@code planes} circular orbits of equal altitude
 * and inclination, RAANs spread evenly over 360°, {@code perPlane} satellites per plane.
 *
 * <p>Plane {@code p} has RAAN {@code 360° p / P}; slot {@code s} has argument of latitude at the
 * horizon start {@code u0 = 360° s / S + 360° F p / T} with {@code T = P S}. Satellites are named
 * {@code NAME-PP-SS}, the plane and the slot both zero-padded to the digits of the largest index,
 * {@code max(P - 1, S - 1)} (the contract's "the largest index", one width for both, as its
 * {@code PP-SS} shows): {@code shell-03-07} in a 72 × 22 shell, {@code iri-05-10} in a 6 × 11 one.
 *
 * @param name           the constellation's name, the prefix of its satellites' names
 * @param planes         {@code P}, at least 1
 * @param perPlane       {@code S}, at least 1
 * @param phasing        {@code F}, in {@code 0 .. P-1}
 * @param altitudeKm     altitude above {@link Earth#RADIUS_KM}
 * @param inclinationRad inclination
 * @param propagation    two-body or secular J2
 */
public record WalkerDelta(
        String name,
        int planes,
        int perPlane,
        int phasing,
        double altitudeKm,
        double inclinationRad,
        Propagation propagation) {

    public WalkerDelta {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(propagation, "propagation");
        if (planes < 1 || perPlane < 1) {
            throw new IllegalArgumentException("a Walker constellation needs at least one plane and one slot");
        }
        if (phasing < 0 || phasing >= planes) {
            throw new IllegalArgumentException("phasing " + phasing + " outside 0 .. " + (planes - 1));
        }
    }

    /** {@code T = P S}. */
    public int total() {
        return planes * perPlane;
    }

    /** The name of the satellite in plane {@code p}, slot {@code s} (both 0-based). */
    public String satelliteName(int plane, int slot) {
        int width = digits(Math.max(planes - 1, perPlane - 1));
        return String.format(Locale.ROOT, "%s-%0" + width + "d-%0" + width + "d", name, plane, slot);
    }

    /** The orbit of plane {@code p}, slot {@code s}, exactly as the contract defines it. */
    public Orbit.Circular orbit(int plane, int slot) {
        double raan = 2 * Math.PI * plane / planes;
        double u0 = 2 * Math.PI * slot / perPlane + 2 * Math.PI * ((double) phasing * plane) / total();
        return new Orbit.Circular(altitudeKm, inclinationRad, raan, u0, propagation);
    }

    /** All satellites, plane by plane, slot by slot (index {@code p S + s}). */
    public List<Satellite> satellites() {
        List<Satellite> out = new ArrayList<>(total());
        for (int p = 0; p < planes; p++) {
            for (int s = 0; s < perPlane; s++) {
                out.add(new Satellite(satelliteName(p, s), orbit(p, s)));
            }
        }
        return out;
    }

    private static int digits(int largest) {
        return Integer.toString(largest).length();
    }
}
