#!/usr/bin/env sh
# Runs stage ${index} of ${stageCount} (${units}) as its own process: satellite `${node}`.
# Start one script per stage (any order); they find each other through bin/peers.txt, which
# lists where each stage listens (edit it, or pass --peers FILE, to spread them over machines).
<#if first>
# This node is the first stage: it reads the input (--input FILE, else the bundle's samples) and
# a decoder's --generate N, and sends the samples and steps to the other stages with the stream.
</#if>
<#if last>
# This node is the last stage: it writes the outputs (--json for one document), labelled with
# the samples the first stage read.
</#if>
# Needs the satc command on the PATH, or SATC pointing at it (e.g. the repository's ./satc).
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "${r"${SATC:-satc}"}" node "$here" --node ${node} --listen ${address} --peers "$here/bin/peers.txt" "$@"
