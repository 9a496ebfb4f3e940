package io.satc.compiler.orbit;

import java.util.List;
import java.util.Objects;

/**
 * The contact plan of a scenario (the contract's §3): which links are up when, over the horizon.
 *
 * @param horizon     the horizon
 * @param satellites  names of the satellites that propagate over the whole horizon, in scenario order
 * @param stations    names of the ground stations, in scenario order
 * @param contacts    every contact, in {@link Contact#ORDER}
 * @param failures    satellites left out because their propagation failed, in scenario order
 */
public record ContactPlan(
        Horizon horizon,
        List<String> satellites,
        List<String> stations,
        List<Contact> contacts,
        List<PropagationFailure> failures) {

    public ContactPlan {
        Objects.requireNonNull(horizon, "horizon");
        satellites = List.copyOf(satellites);
        stations = List.copyOf(stations);
        contacts = List.copyOf(contacts);
        failures = List.copyOf(failures);
    }

    /** The contacts of one kind, in plan order. */
    public List<Contact> contacts(ContactKind kind) {
        return contacts.stream().filter(c -> c.kind() == kind).toList();
    }
}
