package io.satc.runtime.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class ManifestRoundTripProperties {

    @Property(tries = 100)
    void anyManifestSurvivesWriteAndRead(
            @ForAll @IntRange(min = 1, max = 64) int microBatches,
            @ForAll @DoubleRange(min = 1e-6, max = 1e3) @Scale(9) double serviceS,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(9) double delayS,
            @ForAll @IntRange(min = 0, max = 3) int transfer)
            throws Exception {
        List<TestBundles.HopTiming> hops = new ArrayList<>();
        for (int t = 0; t <= 3; t++) {
            hops.add(new TestBundles.HopTiming(t, "n" + t, "n" + (t + 1), t == transfer ? serviceS : 0.01, delayS));
        }
        BundleManifest manifest = TestBundles.manifest(microBatches, new double[] {serviceS, 0.5, 1e-6}, hops);
        String json = new BundleWriter().toJson(manifest);
        assertEquals(manifest, ManifestJson.MAPPER.readValue(json, BundleManifest.class));
    }
}
