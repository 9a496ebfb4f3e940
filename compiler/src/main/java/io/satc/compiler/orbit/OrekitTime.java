package io.satc.compiler.orbit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.orekit.time.OffsetModel;
import org.orekit.time.TimeScales;
import org.orekit.time.UTCScale;
import org.orekit.time.UTCTAIHistoryFilesLoader;

/**
 * Orekit's time scales, built from the one data file satc ships: the leap-second table
 * {@code UTC-TAI.history} on the classpath. No Orekit data context is used (no orekit-data
 * directory, no download): SGP4 needs only UTC, and TEME is taken as the inertial frame itself.
 * Earth orientation parameters are empty, so UT1 would equal UTC, as the contract wants.
 */
public final class OrekitTime {

    /** The leap-second table, beside this class. */
    static final String RESOURCE = "UTC-TAI.history";

    private static final TimeScales SCALES = load();

    private OrekitTime() {}

    /** The time scales (UTC from the shipped table, TAI, TT, ...). */
    public static TimeScales scales() {
        return SCALES;
    }

    /** UTC with the shipped leap seconds. */
    public static UTCScale utc() {
        return SCALES.getUTC();
    }

    private static TimeScales load() {
        try (InputStream in = OrekitTime.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the leap-second table " + RESOURCE + " is missing from the classpath");
            }
            List<OffsetModel> offsets = new UTCTAIHistoryFilesLoader.Parser().parse(in, RESOURCE);
            return TimeScales.of(offsets, (conventions, scales) -> List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
