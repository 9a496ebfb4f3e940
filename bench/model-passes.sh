#!/usr/bin/env bash
# Benchmark for issue 14 "one pass over the model": wall time (JVM start included) of
# `satc plan` and `satc compile` on the real-model examples, with a fresh calibration cache
# (uncached: an empty $SATC_CACHE per run) and with a warm one (cached: the cache a first
# `satc plan` filled), over several runs. Figures and design: docs/calibration.md.
#   bench/model-passes.sh [RUNS] [MISSION...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=${1:-3}
shift || true
missions=("$@")
[ ${#missions[@]} -gt 0 ] || missions=("$root/examples/kjv-decoder.sat" "$root/examples/minilm-encoder.sat")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$root/satc" --version > /dev/null   # builds on first use
summary() {  # label, then the times in seconds
  local label=$1; shift
  local sorted; sorted=$(printf '%s\n' "$@" | sort -n)
  printf '%-34s median %6.2f s   min %6.2f s   max %6.2f s   (%s)\n' "$label" \
    "$(echo "$sorted" | sed -n "$(( ($# + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$*"
}
for mission in "${missions[@]}"; do
  name=$(basename "$mission" .sat)
  warm="$scratch/warm-$name"
  SATC_CACHE="$warm" "$root/satc" plan "$mission" > /dev/null
  for command in plan compile; do
    for cache in uncached cached; do
      times=()
      loads=()
      for run in $(seq "$runs"); do
        dir="$warm"
        [ "$cache" = uncached ] && dir=$(mktemp -d -p "$scratch")
        args=("$command" "$mission")
        [ "$command" = compile ] && args+=(-o "$scratch/bundle-$name")
        load=$(cut -d' ' -f1 /proc/loadavg)
        SATC_CACHE="$dir" /usr/bin/time -f %e -o "$scratch/time" "$root/satc" "${args[@]}" > /dev/null 2> "$scratch/err" \
          || { cat "$scratch/err" >&2; exit 1; }
        times+=("$(tail -1 "$scratch/time")")
        loads+=("$load")
      done
      summary "$name $command $cache" "${times[@]}"
      echo "    load average (1 min) before each run: ${loads[*]}"
    done
  done
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
