#!/usr/bin/env bash
# Benchmark for issue "front end": `satc check` on a generated mission with 10,000 satellites
# and 20,000 links, wall time including JVM start, over several runs. Target: under 2 s.
#   bench/check-large.sh [N] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=${1:-10000}
runs=${2:-7}
file=$(mktemp --suffix=.sat)
trap 'rm -f "$file"' EXIT
"$root/bench/gen-constellation.sh" "$n" > "$file"
echo "mission: $n satellites, $(grep -c '^  link' "$file") link declarations, $(wc -c < "$file") bytes"
"$root/satc" check "$file" > /dev/null   # builds on first use, warms the class-data archive
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$root/satc" check "$file" > /dev/null
  end=$(date +%s%N)
  times+=( $(( (end - start) / 1000000 )) )
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "wall ms per run: ${times[*]}"
echo "median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms   min: $(echo "$sorted" | head -1) ms   max: $(echo "$sorted" | tail -1) ms"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
