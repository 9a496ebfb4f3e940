package io.satc.runtime.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class TopKSelectionTest {

    @Property(tries = 1000)
    void kthLargestMatchesSorting(
            @ForAll @Size(min = 1, max = 200) int[] values,
            @ForAll @IntRange(min = 1, max = 200) int k,
            @ForAll boolean fewDistinct) {
        int[] a = Arrays.stream(values)
                .map(v -> fewDistinct ? (v & 3) << 20 : v & 0x7FFF_FFFF)
                .toArray();
        int kk = Math.min(k, a.length);
        int[] before = a.clone();
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        int got = TopKCoder.kthLargest(a, a.length, kk, new int[a.length], new int[256]);
        assertEquals(sorted[a.length - kk], got);
        assertArrayEquals(before, a, "input left unchanged");
    }
}
