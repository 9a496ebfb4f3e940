package io.satc.compiler.orbit;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the geometry needs: the horizon, the satellites (a Walker constellation contributes
 * {@link WalkerDelta#satellites()}), the ground stations and the ISL rules. Names are unique across
 * satellites and stations; every name a rule uses is one of the satellites. Violations are caller
 * bugs (the analysis reports user errors first) and throw {@link IllegalArgumentException}.
 */
public record Scenario(
        Horizon horizon, List<Satellite> satellites, List<GroundStation> stations, List<LinkRule> rules) {

    public Scenario {
        Objects.requireNonNull(horizon, "horizon");
        satellites = List.copyOf(satellites);
        stations = List.copyOf(stations);
        rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (Satellite s : satellites) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("duplicate node name " + s.name());
            }
        }
        Set<String> satelliteNames = Set.copyOf(names);
        for (GroundStation g : stations) {
            if (!names.add(g.name())) {
                throw new IllegalArgumentException("duplicate node name " + g.name());
            }
        }
        for (LinkRule r : rules) {
            List<String> used = r instanceof LinkRule.Range range
                    ? range.satellites()
                    : r instanceof LinkRule.LineOfSight los
                            ? List.of(los.a(), los.b())
                            : ((LinkRule.Grid) r)
                                    .walker().satellites().stream()
                                            .map(Satellite::name)
                                            .toList();
            for (String n : used) {
                if (!satelliteNames.contains(n)) {
                    throw new IllegalArgumentException("link rule names " + n + ", which is no satellite");
                }
            }
        }
    }
}
