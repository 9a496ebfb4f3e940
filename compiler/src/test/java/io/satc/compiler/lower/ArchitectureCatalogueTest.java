package io.satc.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The catalogue formulas against published parameter counts (within 2 %), and basic shape facts. */
class ArchitectureCatalogueTest {

    private static Map<String, Long> params(String spec) {
        Map<String, Long> m = new TreeMap<>();
        for (String kv : spec.split(";")) {
            String[] parts = kv.split("=");
            m.put(parts[0].trim(), Long.parseLong(parts[1].trim()));
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ViT-B/16    | vit   | layers=12;hidden=768;mlp=3072;heads=12;patch=16;height=224;width=224;classes=1000;channels=3     | 86e6",
                "ViT-L/16    | vit   | layers=24;hidden=1024;mlp=4096;heads=16;patch=16;height=224;width=224;classes=1000;channels=3    | 307e6",
                "ViT-H/14    | vit   | layers=32;hidden=1280;mlp=5120;heads=16;patch=14;height=224;width=224;classes=1000;channels=3    | 632e6",
                "ViT-G/14    | vit   | layers=48;hidden=1664;mlp=8192;heads=16;patch=14;height=224;width=224;classes=1000;channels=3    | 1.843e9",
                "LLaMA-2-7B  | llama | layers=32;hidden=4096;mlp=11008;heads=32;kv_heads=32;vocab=32000;context=4096                 | 6.738e9",
                "LLaMA-2-70B | llama | layers=80;hidden=8192;mlp=28672;heads=64;kv_heads=8;vocab=32000;context=4096                  | 68.98e9",
                "GPT-2       | gpt   | layers=12;hidden=768;mlp=3072;heads=12;vocab=50257;context=1024                              | 124e6",
                "BERT-base   | bert  | layers=12;hidden=768;mlp=3072;heads=12;vocab=30522;context=512                               | 110e6",
            })
    void parameterCountsMatchPublishedFigures(String model, String arch, String spec, double published) {
        List<UnitCost> units = ArchitectureCatalogue.units(arch, params(spec), 2);
        long total = units.stream().mapToLong(UnitCost::parameters).sum();
        double error = Math.abs(total - published) / published;
        assertTrue(
                error <= 0.02,
                model + ": " + total + " parameters vs published " + (long) published + " (" + 100 * error + " %)");
    }

    @Test
    void vitHasStemBlocksAndHeadWithTokenSizedActivations() {
        Map<String, Long> p =
                params("layers=12;hidden=768;mlp=3072;heads=12;patch=16;height=224;width=224;classes=1000;channels=3");
        List<UnitCost> units = ArchitectureCatalogue.units("vit", p, 2);
        assertEquals(14, units.size());
        assertEquals(197, ArchitectureCatalogue.tokens("vit", p));
        assertEquals(197 * 768 * 2, units.get(5).outBytesPerSample());
        assertEquals(1000 * 2, units.get(13).outBytesPerSample());
        // fp32 doubles every byte count and leaves FLOPs unchanged.
        List<UnitCost> fp32 = ArchitectureCatalogue.units("vit", p, 4);
        assertEquals(2 * units.get(3).weightBytes(), fp32.get(3).weightBytes());
        assertEquals(units.get(3).flopsPerSample(), fp32.get(3).flopsPerSample());
    }

    @Test
    void nonSquareVitDropsThePatchRemainder() {
        Map<String, Long> p =
                params("layers=1;hidden=8;mlp=8;heads=1;patch=14;height=1080;width=1920;classes=10;channels=3");
        assertEquals((1080 / 14) * (1920 / 14) + 1, ArchitectureCatalogue.tokens("vit", p));
    }
}
