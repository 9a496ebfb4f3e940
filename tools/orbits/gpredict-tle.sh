#!/usr/bin/env bash
# Writes the three-line element sets of one gpredict category (a `.cat` file: a title line,
# then one NORAD catalog number per line) from the TLEs Debian's gpredict package installs
# (`satellites.dat`, ini-style sections `[NUMBER]` with `NAME=`, `TLE1=` and `TLE2=` keys),
# in the category's order. Nothing is downloaded.
#   tools/orbits/gpredict-tle.sh iridium-NEXT > examples/orbits/data/iridium-next.tle
set -euo pipefail
category=${1:?usage: gpredict-tle.sh CATEGORY (e.g. iridium-NEXT)}
data=${GPREDICT_SATDATA:-/usr/share/gpredict/data/satdata}
[ -f "$data/$category.cat" ] || { echo "no category $data/$category.cat (is gpredict installed?)" >&2; exit 1; }
awk -v cat="$data/$category.cat" '
  BEGIN {
    n = 0
    while ((getline line < cat) > 0) {
      sub(/\r$/, "", line)
      if (++lines > 1 && line ~ /^[0-9]+$/) order[++n] = line
    }
  }
  /^\[[0-9]+\]/ { id = substr($0, 2, index($0, "]") - 2); next }
  /^NAME=/ { name[id] = substr($0, 6); next }
  /^TLE1=/ { tle1[id] = substr($0, 6); next }
  /^TLE2=/ { tle2[id] = substr($0, 6); next }
  END {
    for (i = 1; i <= n; i++) {
      id = order[i]
      if (!(id in tle1) || !(id in tle2)) { print "no element set for " id > "/dev/stderr"; exit 1 }
      printf "%s\n%s\n%s\n", name[id], tle1[id], tle2[id]
    }
  }' "$data/satellites.dat"
