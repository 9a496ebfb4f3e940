package io.satc.compiler.orbit;

import java.util.Objects;

/**
 * A ground station on the WGS84 ellipsoid. A satellite-to-station contact is up while the
 * satellite's elevation, measured from the ellipsoid normal, is at least {@code minElevationRad}.
 *
 * @param name                   the station's name
 * @param latitudeRad            geodetic latitude, in {@code [-pi/2, pi/2]}
 * @param longitudeRad           longitude, east positive
 * @param altitudeKm             height above the ellipsoid
 * @param minElevationRad        the mask; the contract's default is 10° ({@link #DEFAULT_MIN_ELEVATION_RAD})
 * @param downlinkBitsPerSecond  rate of every satellite-to-station contact, positive
 */
public record GroundStation(
        String name,
        double latitudeRad,
        double longitudeRad,
        double altitudeKm,
        double minElevationRad,
        double downlinkBitsPerSecond) {

    /** The contract's default elevation mask, 10°. */
    public static final double DEFAULT_MIN_ELEVATION_RAD = Math.toRadians(10);

    public GroundStation {
        Objects.requireNonNull(name, "name");
        if (!(Math.abs(latitudeRad) <= Math.PI / 2)) {
            throw new IllegalArgumentException("latitude outside [-90°, 90°]: " + latitudeRad);
        }
        if (!Double.isFinite(longitudeRad) || !Double.isFinite(altitudeKm)) {
            throw new IllegalArgumentException("longitude and altitude must be finite");
        }
        if (!(Math.abs(minElevationRad) < Math.PI / 2)) {
            throw new IllegalArgumentException("minimum elevation outside (-90°, 90°): " + minElevationRad);
        }
        if (!(downlinkBitsPerSecond > 0) || Double.isInfinite(downlinkBitsPerSecond)) {
            throw new IllegalArgumentException("downlink rate must be positive and finite");
        }
    }
}
