#!/usr/bin/env bash
# Benchmark for issue 9 (`satc contacts`): the whole command through the satc launcher, JVM start
# included, on a mission file: by default the 1,584-satellite Starlink-class shell of
# examples/orbits/starlink-shell.sat (grid ISLs, one station, 90 minutes). Target: under 3 s wall.
#   bench/satc-contacts.sh [MISSION] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/bench/wall-times.sh"
mission=${1:-$root/examples/orbits/starlink-shell.sat}
runs=${2:-7}
"$root/satc" contacts "$mission" > /dev/null   # builds on first use, warms the class-data archive
echo "mission: $mission"
"$root/satc" contacts "$mission" | sed -n '1,5p'
wall_times "satc contacts --json" "$runs" "$root/satc" contacts --json "$mission"
