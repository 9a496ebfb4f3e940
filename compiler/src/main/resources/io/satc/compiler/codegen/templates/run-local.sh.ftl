#!/usr/bin/env sh
# Runs this bundle as one local pipeline (one thread per stage and per link hop).
# Needs the satc command on the PATH, or SATC pointing at it (e.g. the repository's ./satc).
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "${r"${SATC:-satc}"}" run "$here" "$@"
