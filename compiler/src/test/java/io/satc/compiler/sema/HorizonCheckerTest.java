package io.satc.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.satc.compiler.sema.AnalyzedMission.HorizonFacts;
import io.satc.compiler.sema.AnalyzedMission.Propagation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The horizon block: a UTC ISO-8601 start, a duration of at most 7 days, and the propagation of circular orbits. */
class HorizonCheckerTest {

    private static Optional<HorizonFacts> check(Checking c) {
        return new HorizonChecker(c.ctx()).check(c.blocks("horizon"));
    }

    private static Checking horizon(String body) {
        return Checking.of("mission m {\n  horizon { " + body + " }\n}\n");
    }

    @Test
    void startDurationAndPropagation() {
        Checking c = horizon("start = \"2026-12-04T00:00:00Z\"; duration = 90 min; propagation = j2");
        assertEquals(
                Optional.of(new HorizonFacts(Instant.parse("2026-12-04T00:00:00Z"), 5400, Propagation.J2)), check(c));
        assertEquals(List.of(), c.reported());
    }

    @Test
    void secondsAreOptionalAndFractionsKeptToTheNanosecond() {
        assertEquals(
                Instant.parse("2026-12-04T06:30:00Z"),
                check(horizon("start = \"2026-12-04T06:30Z\"; duration = 1 h"))
                        .orElseThrow()
                        .start());
        HorizonFacts f = check(horizon("start = \"2026-12-04T06:30:15.123456789Z\"; duration = 168 h"))
                .orElseThrow();
        assertEquals(Instant.parse("2026-12-04T06:30:15.123456789Z"), f.start());
        assertEquals(7 * 86400.0, f.durationSeconds());
        assertEquals(Propagation.TWO_BODY, f.propagation());
    }

    @Test
    void everyNonUtcFormIsReportedWithItsFix() {
        List<String> starts = List.of(
                "2026-12-04T09:00:00+09:00",
                "2026-12-04T00:00:00",
                "2026-12-04",
                "4 Dec 2026",
                "2026-02-30T00:00:00Z",
                "2026-12-04T24:00:00Z",
                "2026-12-04T23:59:60Z");
        List<String> helps = starts.stream()
                .map(s -> {
                    Checking c = horizon("start = \"" + s + "\"; duration = 1 h");
                    assertEquals(Optional.empty(), check(c));
                    List<String> r = c.reported();
                    assertEquals(1, r.size(), () -> s + ": " + r);
                    assertEquals(
                            "SATC3013 2:21 `start` must be a UTC instant in ISO-8601 form such as"
                                    + " `\"2026-12-04T00:00:00Z\"`, found `\"" + s + "\"`.",
                            r.get(0).substring(0, r.get(0).indexOf(" | ")));
                    return r.get(0).substring(r.get(0).indexOf(" | ") + 3);
                })
                .toList();
        assertEquals(
                List.of(
                        "Convert it to UTC and end it with `Z`; satc takes no time-zone offsets.",
                        "End it with `Z` to say it is UTC: `\"2026-12-04T00:00:00Z\"`.",
                        "Give the time of day too, in UTC: `\"2026-12-04T00:00:00Z\"`.",
                        "Write the date and the UTC time of day, e.g. `\"2026-12-04T00:00:00Z\"`.",
                        "`2026-02-30T00:00:00` is not a time on the calendar.",
                        "`2026-12-04T24:00:00` is not a time on the calendar.",
                        "`2026-12-04T23:59:60` is not a time on the calendar."),
                helps);
    }

    @Test
    void theDurationIsPositiveAndAtMostSevenDays() {
        Checking week = horizon("start = \"2026-12-04T00:00:00Z\"; duration = 10081 min");
        assertEquals(Optional.empty(), check(week));
        assertEquals(
                List.of("SATC3014 2:56 The horizon lasts 10081 min, longer than 7 days. | Plan at most 7 days"
                        + " (`duration = 168 h`) at a time: one placement must hold for the whole horizon, and element"
                        + " sets drift from the real orbits within days."),
                week.reported());
        Checking zero = horizon("start = \"2026-12-04T00:00:00Z\"; duration = 0 s");
        check(zero);
        assertEquals(List.of("SATC3004 2:56 `duration` must be positive, found `0 s`."), zero.reported());
    }

    @Test
    void missingAttributesAndAnUnknownPropagation() {
        Checking c = horizon("propagation = sgp4");
        assertEquals(Optional.empty(), check(c));
        assertEquals(
                List.of(
                        "SATC2007 2:3 The horizon has no `start`. | Add `start = \"2026-12-04T00:00:00Z\"`: the UTC"
                                + " instant the plan starts at.",
                        "SATC2007 2:3 The horizon has no `duration`. | Add `duration = 90 min`: how long the plan must"
                                + " hold (at most 7 days).",
                        "SATC2020 2:27 `propagation` must be one of `two-body` or `j2`, found `sgp4`."
                                + " | Choose one of `two-body` or `j2`."),
                c.reported());
    }
}
