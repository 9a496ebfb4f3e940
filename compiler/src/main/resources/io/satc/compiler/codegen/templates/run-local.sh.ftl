#!/usr/bin/env sh
# Runs this bundle as one local pipeline (one thread per stage and per link hop).
# Needs the standalone runtime, satc-runtime, on the PATH, or SATC_RUNTIME pointing at it (the
# repository builds it as runtime/target/satc-runtime; `satc` itself runs bundles as well).
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "${r"${SATC_RUNTIME:-satc-runtime}"}" run "$here" "$@"
