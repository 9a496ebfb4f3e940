package io.satc.compiler.plan;

import io.satc.compiler.lower.Link;
import io.satc.compiler.lower.LinkSchedule;
import io.satc.compiler.lower.PlacementProblem;
import io.satc.compiler.lower.TimeWindow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The windows of a cost-model-2 problem, grouped into classes of windows with the very same
 * links: routes, and hence every per-window figure of a plan, are computed once per class. A
 * window's links are the problem's own links (up for the whole horizon) followed by the window's.
 */
final class WindowClasses {

    final PlacementProblem problem;
    final Topology topology;
    final LinkSchedule schedule;
    /** Per window: start, end and length in seconds. */
    final double[] start;

    final double[] end;
    final double[] duration;
    /** Per window: its class. */
    final int[] classOf;
    /** Per class: its links, their router, the summed length of its windows, and its first window. */
    final LinkGraph[] graphs;

    final WindowRouter[] routers;
    final double[] classDuration;
    final int[] firstWindow;
    /** Per class: whether the sink is unreachable from the source, which makes every plan dark there. */
    final boolean[] unreachable;

    WindowClasses(PlacementProblem problem) {
        this.problem = problem;
        this.topology = new Topology(problem);
        this.schedule = problem.schedule()
                .orElseThrow(() -> new IllegalArgumentException("problem " + problem.mission() + " has no schedule"));
        List<TimeWindow> windows = schedule.windows();
        int w = windows.size();
        start = new double[w];
        end = new double[w];
        duration = new double[w];
        classOf = new int[w];
        Map<LinkGraph, Integer> classes = new HashMap<>();
        LinkGraph.Interner interner = new LinkGraph.Interner();
        List<LinkGraph> distinct = new ArrayList<>();
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < w; i++) {
            TimeWindow window = windows.get(i);
            start[i] = window.startSeconds();
            end[i] = window.endSeconds();
            duration[i] = window.durationSeconds();
            List<Link> links =
                    new ArrayList<>(problem.links().size() + window.links().size());
            links.addAll(problem.links());
            links.addAll(window.links());
            LinkGraph g = new LinkGraph(topology, links, interner);
            Integer c = classes.get(g);
            if (c == null) {
                c = distinct.size();
                classes.put(g, c);
                distinct.add(g);
                first.add(i);
            }
            classOf[i] = c;
        }
        int classCount = distinct.size();
        graphs = distinct.toArray(new LinkGraph[0]);
        routers = new WindowRouter[classCount];
        WindowRouter.Scratch scratch = new WindowRouter.Scratch(topology.size());
        for (int c = 0; c < classCount; c++) {
            routers[c] = new WindowRouter(topology, graphs[c], scratch);
        }
        classDuration = new double[classCount];
        for (int i = 0; i < w; i++) {
            classDuration[classOf[i]] += duration[i];
        }
        firstWindow = first.stream().mapToInt(Integer::intValue).toArray();
        unreachable = new boolean[classCount];
        for (int c = 0; c < classCount; c++) {
            unreachable[c] = !reachable(graphs[c], topology.source)[topology.sink];
        }
    }

    int windowCount() {
        return classOf.length;
    }

    int classCount() {
        return graphs.length;
    }

    /** The nodes reachable from {@code from} over a class's links. */
    static boolean[] reachable(LinkGraph g, int from) {
        return search(g, from, g.outStart, g.outTo);
    }

    /** The nodes from which {@code to} is reachable over a class's links. */
    static boolean[] reaching(LinkGraph g, int to) {
        return search(g, to, g.inStart, g.inFrom);
    }

    private static boolean[] search(LinkGraph g, int origin, int[] start, int[] other) {
        boolean[] seen = new boolean[g.nodeCount()];
        int[] queue = new int[g.nodeCount()];
        int head = 0;
        int tail = 0;
        seen[origin] = true;
        queue[tail++] = origin;
        while (head < tail) {
            int u = queue[head++];
            for (int e = start[u]; e < start[u + 1]; e++) {
                if (!seen[other[e]]) {
                    seen[other[e]] = true;
                    queue[tail++] = other[e];
                }
            }
        }
        return seen;
    }
}
