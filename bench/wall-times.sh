# Sourced by benchmarks: `wall_times LABEL RUNS COMMAND...` runs COMMAND RUNS times (output
# discarded, failures allowed) and prints each run's wall time and the median, minimum, maximum,
# with the machine's load, which a shared machine needs beside every figure.
wall_times() {
  local label=$1 runs=$2
  shift 2
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 || true
    end=$(date +%s%N)
    times+=( $(( (end - start) / 1000000 )) )
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "$label, wall ms per run: ${times[*]}"
  echo "median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms   min: $(echo "$sorted" | head -1) ms   max: $(echo "$sorted" | tail -1) ms"
  echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
