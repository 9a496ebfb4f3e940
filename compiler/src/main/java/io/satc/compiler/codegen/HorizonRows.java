package io.satc.compiler.codegen;

import io.satc.compiler.plan.HorizonEvaluation;
import io.satc.compiler.plan.WindowEvaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows of a plan over a horizon (cost model 2) as the text plan shows them: consecutive
 * windows with the same downlink satellite merged into one row with their worst latency, and the
 * dark spans (consecutive dark windows) on their own.
 */
final class HorizonRows {

    /**
     * Consecutive windows that share their downlink satellite (or are all dark).
     *
     * @param startSeconds  start of the first window
     * @param endSeconds    end of the last window
     * @param windows       how many windows the row merges
     * @param dark          whether they are dark
     * @param latency       the largest latency among them (infinite when dark)
     * @param downlink      the satellite that sends into the sink station, or "-" when dark
     */
    record Row(double startSeconds, double endSeconds, int windows, boolean dark, double latency, String downlink) {}

    private HorizonRows() {}

    static List<Row> rows(HorizonEvaluation h, String sink) {
        List<Row> out = new ArrayList<>();
        for (WindowEvaluation w : h.windows()) {
            String down = w.dark() ? "-" : downlink(w, sink);
            Row last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.dark() == w.dark() && last.downlink().equals(down)) {
                out.set(
                        out.size() - 1,
                        new Row(
                                last.startSeconds(),
                                w.endSeconds(),
                                last.windows() + 1,
                                last.dark(),
                                Math.max(last.latency(), w.latencySeconds()),
                                down));
            } else {
                out.add(new Row(w.startSeconds(), w.endSeconds(), 1, w.dark(), w.latencySeconds(), down));
            }
        }
        return out;
    }

    /** The dark spans only. */
    static List<Row> darkSpans(HorizonEvaluation h, String sink) {
        return rows(h, sink).stream().filter(Row::dark).toList();
    }

    /**
     * The node just before the sink on the route that reaches it: the output's, or, when the last
     * stage runs on the sink itself, the route of the transfer into that stage.
     */
    static String downlink(WindowEvaluation w, String sink) {
        for (int t = w.routes().size() - 1; t >= 0; t--) {
            List<String> route = w.routes().get(t);
            if (route.size() >= 2 && route.get(route.size() - 1).equals(sink)) {
                return route.get(route.size() - 2);
            }
        }
        return "-";
    }
}
