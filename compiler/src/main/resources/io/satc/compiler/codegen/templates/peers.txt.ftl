# Where each stage's process listens: NODE HOST:PORT, one per line, in pipeline order.
# `satc node` connects to the next stage's address (and a decoder's last stage to the first's).
<#list peers as p>
${p.node} ${p.address}
</#list>
