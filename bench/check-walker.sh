#!/usr/bin/env bash
# Benchmark for mission language 2: `satc check` on a Walker shell of PLANES x PER_PLANE
# satellites (default 200 x 250 = 50,000, the most one constellation may have) with REFS links
# whose ends are mistyped generated names (`shell-3-7` for `shell-003-007`), so every one gets a
# did-you-mean. Wall time including JVM start, over several runs.
#   bench/check-walker.sh [PLANES] [PER_PLANE] [REFS] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wall-times.sh"
planes=${1:-200}
per_plane=${2:-250}
refs=${3:-100}
runs=${4:-7}
file=$(mktemp --suffix=.sat)
trap 'rm -f "$file"' EXIT
awk -v P="$planes" -v S="$per_plane" -v n="$refs" 'BEGIN {
  print "mission \"walker-" P "x" S "\" {"
  print "  model vit-b { arch = vit(layers = 12, hidden = 768, mlp = 3072, heads = 12, patch = 16, image = 224) }"
  print "  constellation shell {"
  print "    orbits = walker(planes = " P ", per_plane = " S ", phasing = 1, altitude = 550 km, inclination = 53 deg)"
  print "    compute = 5.3 TFLOPS"
  print "    memory = 8 GB"
  print "    isl = grid(rate = 100 Gbps, max_range = 5000 km)"
  print "  }"
  print "  ground gs { latitude = 47.6 deg; longitude = -122.3 deg; downlink = 0.5 Gbps }"
  for (i = 0; i < n; i++) printf "  link shell-%d-%d -> gs { rate = 1 Gbps }\n", i % P, (7 * i) % S
  print "  horizon { start = \"2026-12-04T00:00:00Z\"; duration = 90 min }"
  print "  source = shell-0-0"
  print "  sink = gs"
  print "}"
}' > "$file"
echo "mission: $((planes * per_plane)) generated satellites, $refs mistyped references, $(wc -c < "$file") bytes"
"$root/satc" check "$file" > /dev/null || true   # builds on first use, warms the class-data archive
echo "diagnostics: $("$root/satc" check --color=never "$file" 2>/dev/null | grep -c 'error\[SATC2002\]' || true) x SATC2002, e.g.:"
"$root/satc" check --color=never "$file" 2>/dev/null | grep -m1 -A4 'error\[SATC2002\]' || true
wall_times "satc check" "$runs" "$root/satc" check "$file"
