#!/usr/bin/env python3
"""Prints the tables of docs/paper-reproduction.md from the plan goldens in examples/paper/.

Usage: python3 tools/paper/paper_tables.py   (standard library only; run from the repository root)
"""
import json

HEADER = ("| mission | plan (node[units]) | cut codecs | latency | comm. | loss | ground-only | single-satellite "
          "| uniform | no-compression |\n|---|---|---|---|---|---|---|---|---|---|")
TABLES = [
    ("1", ["vit-b-224", "vit-l-224", "vit-h-224", "vit-g-224", "vit-b-1080p", "vit-l-1080p", "vit-h-1080p", "vit-g-1080p"]),
    ("2", ["vit-g-224-down0.2", "vit-g-224", "vit-g-224-down0.8", "vit-g-224-15w", "vit-g-224-50w"]),
    ("3", ["vit-b-224-orbit", "vit-l-224-orbit", "vit-h-224-orbit", "vit-g-224-orbit"]),
]


def cell(baseline):
    if not baseline["feasible"]:
        return "infeasible"
    return "%.3f s, %.1f MB (%+.0f %% / %+.0f %%)" % (
        baseline["latency_s"], baseline["comm_bytes"] / 1e6,
        100 * baseline["latency_reduction"], 100 * baseline["comm_reduction"])


def row(name):
    with open("expected/paper/%s.sat.plan.json" % name) as f:
        d = json.load(f)
    o = d["objective"]
    b = {x["name"]: x for x in d["baselines"]}
    stages = " → ".join("%s[%d..%d]" % (s["node"], s["first_unit"], s["last_unit"]) for s in d["stages"])
    codecs = ", ".join(c["codec"] for c in d["cuts"]) or "—"
    return "| %s | %s | %s | %.3f s | %.1f MB | %.1f %% | %s | %s | %s | %s |" % (
        name, stages, codecs, o["latency_s"], o["comm_bytes"] / 1e6, 100 * o["accuracy_loss"],
        cell(b["ground-only"]), cell(b["single-satellite"]), cell(b["uniform"]), cell(b["no-compression"]))


for title, names in TABLES:
    print("Table %s\n\n%s" % (title, HEADER))
    for n in names:
        print(row(n))
    print()
