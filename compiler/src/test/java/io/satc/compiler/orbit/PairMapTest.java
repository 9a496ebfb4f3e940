package io.satc.compiler.orbit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairMapTest {

    @Test
    void behavesLikeAHashMapUnderRandomPutsAndRemovals() {
        PairMap map = new PairMap();
        Map<Long, Integer> ref = new HashMap<>();
        SplittableRandom random = new SplittableRandom(9);
        for (int step = 0; step < 200_000; step++) {
            int i = random.nextInt(300);
            int j = random.nextInt(300);
            long key = ContactSolver.key(i, j);
            switch (random.nextInt(3)) {
                case 0 -> {
                    map.put(key, step);
                    ref.put(key, step);
                }
                case 1 -> {
                    map.remove(key);
                    ref.remove(key);
                }
                default -> assertEquals(ref.getOrDefault(key, -1), map.get(key), "key " + i + "," + j);
            }
        }
        for (Map.Entry<Long, Integer> e : ref.entrySet()) {
            assertEquals(e.getValue(), map.get(e.getKey()));
        }
    }
}
