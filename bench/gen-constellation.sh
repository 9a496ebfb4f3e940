#!/usr/bin/env bash
# Writes a valid mission with N satellites and 2N directed link declarations (a ring of
# bidirectional links, N, plus N-1 one-way chords): the input of bench/check-large.sh.
#   bench/gen-constellation.sh 10000 > /tmp/big.sat
set -euo pipefail
n=${1:-10000}
awk -v n="$n" 'BEGIN {
  print "mission \"generated-" n "\" {"
  print "  model vit-g { arch = vit(layers = 48, hidden = 1664, mlp = 8192, heads = 16, patch = 14, image = 224); precision = fp16 }"
  print "  workload { batch = 64; micro_batches = 8 }"
  print "  accuracy { max_loss = 1 % }"
  print "  codec mask { ratio = 25.8x; loss = 0.3 % }"
  print "  codecs = [fp16, int8, int4, mask]"
  for (i = 0; i < n; i++) printf "  satellite sat-%d { compute = 10.6 TFLOPS; memory = 8 GB }\n", i
  print "  ground gs { compute = 100 TFLOPS }"
  for (i = 0; i < n; i++) printf "  link sat-%d <-> sat-%d { rate = 0.5 Gbps; distance = 1200 km }\n", i, (i + 1) % n
  for (i = 0; i < n - 1; i++) printf "  link sat-%d -> sat-%d { rate = 0.5 Gbps; distance = 2400 km }\n", i, (i + 2) % n
  print "  link sat-0 -> gs { rate = 0.5 Gbps; latency = 4 ms }"
  print "  source = sat-0"
  print "  sink = gs"
  print "}"
}'
