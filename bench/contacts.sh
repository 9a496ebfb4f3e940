#!/usr/bin/env bash
# Benchmark for issue 9 (geometry): contact computation, in process for each case (the 1,584-satellite
# Starlink-class shell and the 66-satellite Iridium-like one, grid ISLs, 90 minutes, 1 and 3 ground
# stations, plus the shell with range ISLs), then a fresh JVM solving the shell once with the JVM
# options the satc launcher gives short commands, timed as a whole (JVM start included).
#   bench/contacts.sh [WARM_RUNS] [PROCESS_RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
warm=${1:-5}
runs=${2:-5}
"$root/satc" --version > /dev/null   # builds the jar when the sources changed
jar="$root/compiler/target/satc.jar"
java -XX:+UseSerialGC -cp "$jar" io.satc.compiler.orbit.ContactBench "$warm"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar" io.satc.compiler.orbit.ContactBench --once > /dev/null
  end=$(date +%s%N)
  times+=( $(( (end - start) / 1000000 )) )
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "fresh JVM, shell 72x22 + 1 station, wall ms per run: ${times[*]}"
echo "median: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms   min: $(echo "$sorted" | head -1) ms   max: $(echo "$sorted" | tail -1) ms"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
