package io.satc.compiler.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.satc.compiler.orbit.Contact;
import io.satc.compiler.orbit.ContactPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The {@code satc contacts --json} document, exactly the contract's §3 (docs/orbits.md): format
 * version, horizon, satellites, contacts in the plan's order. Every number has three decimals
 * (milliseconds, metres, millidegrees), so the same plan always gives the same bytes.
 */
public final class ContactPlanJson {

    /** Version of this document's layout. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ContactPlanJson() {}

    public static String render(ContactPlan plan) {
        try {
            return MAPPER.writeValueAsString(document(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode document(ContactPlan plan) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format_version", FORMAT_VERSION);
        ObjectNode horizon = root.putObject("horizon");
        horizon.put("start", plan.horizon().start().toString());
        horizon.put("duration_s", fixed(plan.horizon().durationSeconds()));
        ArrayNode satellites = root.putArray("satellites");
        plan.satellites().forEach(s -> satellites.addObject().put("name", s));
        ArrayNode contacts = root.putArray("contacts");
        for (Contact c : plan.contacts()) {
            ObjectNode o = contacts.addObject();
            o.put("a", c.a());
            o.put("b", c.b());
            o.put("kind", c.kind().label());
            o.put("start_s", fixed(c.startSeconds()));
            o.put("end_s", fixed(c.endSeconds()));
            ObjectNode range = o.putObject("range_km");
            range.put("min", fixed(c.minRangeKm()));
            range.put("max", fixed(c.maxRangeKm()));
            c.maxElevationDeg().ifPresent(e -> o.put("max_elevation_deg", fixed(e)));
        }
        return root;
    }

    /** Three decimals, half-even, no exponent; {@code -0.000} becomes {@code 0.000}. */
    static BigDecimal fixed(double v) {
        BigDecimal d = new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN);
        return d.signum() == 0 ? BigDecimal.ZERO.setScale(3) : d;
    }
}
