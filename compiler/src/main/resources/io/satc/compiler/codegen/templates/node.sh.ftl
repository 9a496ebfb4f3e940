#!/usr/bin/env sh
<#if standby>
# Runs satellite `${node}` on standby: it has no stage in the plan, but one in a contingency; if a
# neighbour is lost and the nodes switch to that contingency, it takes its stage over.
<#else>
# Runs stage ${index} of ${stageCount} (${units}) as its own process: satellite `${node}`.
</#if>
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
# Needs the standalone runtime, satc-runtime, on the PATH, or SATC_RUNTIME pointing at it (the
# repository builds it as runtime/target/satc-runtime; `satc` itself runs bundles as well).
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "${r"${SATC_RUNTIME:-satc-runtime}"}" node "$here" --node ${node} --listen ${address} --peers "$here/bin/peers.txt" "$@"
