#!/usr/bin/python3
"""Train and export the small character-level decoder LM used by satc.

What it is
    A 4-block GPT (width 128, 4 heads, context 128, pre-LayerNorm, GELU MLP 4x,
    learned positional embeddings, untied output head) trained on the King
    James Bible (public domain) as shipped by Debian's `bible-kjv-text`
    package, at the character level.

How to run (Debian 12 / bookworm, as root for the apt line):
    apt-get update
    apt-get install -y python3-torch python3-onnx libopenblas0-pthread bible-kjv bible-kjv-text
    /usr/bin/python3 tools/decoder/train_char_gpt.py --out-dir models/kjv-char-gpt

    Use Debian's interpreter (/usr/bin/python3): python3-torch and python3-onnx
    are installed for it, not for any pyenv/venv python that may shadow it.

What it produces (in --out-dir):
    model.onnx        fp32 ONNX (opset 17), input `input_ids` int64 [batch, seq],
                      output `logits` float32 [batch, seq, vocab]; seq <= 128.
                      Node names carry module scopes (/tok_emb/..., /blocks.N/...,
                      /ln_f/..., /head/...) so the graph can be cut at block
                      boundaries; between blocks the residual stream is a single
                      float32 tensor [batch, seq, 128].
    vocab.json        char <-> id table and the unknown-char policy.
    calibration.txt   200 held-out lines (>= 64 chars each) never trained on.
    train.log         everything printed on stdout (losses, timings, sample).
    model.pt          NOT written unless --save-pt is given (not committed).

Corpus
    The text is obtained by running Debian's `bible` program
    (`bible -f Gen1:1-Rev22:21`, which reads /usr/lib/bible.data) - one verse per
    line with a reference prefix such as `Ge1:1 `; the prefix is stripped and the
    verse text kept verbatim. Alternatively --corpus FILE takes a text file with
    one verse per line (prefixes like `Genesis 1:1 ` / `Ge1:1 ` are stripped).

Split (by verse, contiguous, in canonical order)
    train = first 93 %, validation = next 5 %, held-out calibration = last 2 %
    (the end of Revelation). Neither validation nor calibration text is ever
    used for a gradient step.

Expected time
    15 minutes of training on 2 CPU threads (--time-budget 900; the cosine
    schedule ends at whichever of --max-steps 3000 or the budget comes first),
    plus 1-3 minutes for data preparation, final evaluation, export and
    verification. Sequence length at inference is limited to 128 (the learned
    positional table and the causal-mask constant have 128 rows).

Determinism
    Seeds are fixed (--seed, default 1234) for init, batch sampling and the
    evaluation batches, and deterministic algorithms are requested. If
    --max-steps is reached before the time budget, a rerun with the same torch
    build and thread count is reproducible. On a slow or shared machine the
    schedule is time-bound (the committed model: 1037 steps in 900 s on a
    shared 2-core box), so a rerun gives a similar but not bit-identical model.

CI never runs this script; the committed model is the artefact.
"""
import argparse
import hashlib
import json
import math
import os
import platform
import re
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "2")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
# On a shared, oversubscribed 2-core box spinning OpenMP workers make every op
# several times slower; passive waiting keeps a step at ~1 s instead of 3-7 s.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

UNK = "<unk>"
PREFIX_RE = re.compile(r"^(?:[1-3]?\s?[A-Za-z]+\.?\s?\d+:\d+)\s+")


# ----------------------------------------------------------------------------
# logging: everything goes to stdout and to train.log
# ----------------------------------------------------------------------------
class Tee:
    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8")

    def __call__(self, *args):
        s = " ".join(str(a) for a in args)
        print(s, flush=True)
        self.f.write(s + "\n")
        self.f.flush()


# ----------------------------------------------------------------------------
# corpus
# ----------------------------------------------------------------------------
def load_verses(corpus_path):
    if corpus_path:
        with open(corpus_path, encoding="utf-8") as f:
            raw = f.read().splitlines()
        source = os.path.abspath(corpus_path)
    else:
        out = subprocess.run(["bible", "-f", "Gen1:1-Rev22:21"], stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
        raw = out.stdout.decode("utf-8").splitlines()
        source = "/usr/lib/bible.data (Debian bible-kjv-text, via `bible -f Gen1:1-Rev22:21`)"
    verses = []
    stripped = 0
    for line in raw:
        line = line.rstrip()
        if not line:
            continue
        new = PREFIX_RE.sub("", line, count=1)
        stripped += new != line
        new = re.sub(r"\s+", " ", new).strip()
        if new:
            verses.append(new)
    return verses, source, stripped


def build_vocab(text):
    chars = sorted(set(text))
    itos = [UNK] + chars
    stoi = {c: i for i, c in enumerate(itos)}
    return itos, stoi


def encode(s, stoi):
    return [stoi.get(c, 0) for c in s]


# ----------------------------------------------------------------------------
# model
# ----------------------------------------------------------------------------
class CausalSelfAttention(nn.Module):
    def __init__(self, d, n_head, ctx):
        super().__init__()
        self.n_head = n_head
        self.hd = d // n_head  # static python ints, so the export has no shape arithmetic for them
        self.scale = 1.0 / math.sqrt(self.hd)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        mask = torch.full((ctx, ctx), -1e9).triu(1).view(1, 1, ctx, ctx)  # additive causal mask
        self.register_buffer("mask", mask, persistent=False)

    def forward(self, x):
        B, T, C = x.size()
        hd = self.hd
        q, k, v = self.qkv(x).split(self.n_head * hd, dim=2)
        q = q.view(B, T, self.n_head, hd).transpose(1, 2)
        k = k.view(B, T, self.n_head, hd).transpose(1, 2)
        v = v.view(B, T, self.n_head, hd).transpose(1, 2)
        att = (q @ k.transpose(-2, -1)) * self.scale
        att = att + self.mask[:, :, :T, :T]
        att = F.softmax(att, dim=-1)
        y = att @ v
        y = y.transpose(1, 2).reshape(B, T, self.n_head * hd)
        return self.proj(y)


class MLP(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.fc = nn.Linear(d, 4 * d)
        self.act = nn.GELU()
        self.proj = nn.Linear(4 * d, d)

    def forward(self, x):
        return self.proj(self.act(self.fc(x)))


class Block(nn.Module):
    def __init__(self, d, n_head, ctx):
        super().__init__()
        self.ln1 = nn.LayerNorm(d)
        self.attn = CausalSelfAttention(d, n_head, ctx)
        self.ln2 = nn.LayerNorm(d)
        self.mlp = MLP(d)

    def forward(self, x):
        x = x + self.attn(self.ln1(x))
        x = x + self.mlp(self.ln2(x))
        return x


class CharGPT(nn.Module):
    def __init__(self, vocab, d=128, n_layer=4, n_head=4, ctx=128):
        super().__init__()
        self.ctx = ctx
        self.tok_emb = nn.Embedding(vocab, d)
        self.pos_emb = nn.Parameter(torch.zeros(ctx, d))
        self.blocks = nn.ModuleList([Block(d, n_head, ctx) for _ in range(n_layer)])
        self.ln_f = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocab, bias=False)
        self.apply(self._init)
        nn.init.normal_(self.pos_emb, std=0.02)
        for name, p in self.named_parameters():  # GPT-2 style scaled residual projections
            if name.endswith("proj.weight"):
                nn.init.normal_(p, std=0.02 / math.sqrt(2 * n_layer))

    @staticmethod
    def _init(m):
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, std=0.02)
            if m.bias is not None:
                nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, std=0.02)

    def forward(self, input_ids):
        T = input_ids.size(1)
        x = self.tok_emb(input_ids) + self.pos_emb[:T]
        for blk in self.blocks:
            x = blk(x)
        return self.head(self.ln_f(x))


# ----------------------------------------------------------------------------
# training helpers
# ----------------------------------------------------------------------------
def get_batch(data, batch, ctx, gen):
    ix = torch.randint(len(data) - ctx - 1, (batch,), generator=gen)
    x = torch.stack([data[i:i + ctx] for i in ix.tolist()])
    y = torch.stack([data[i + 1:i + 1 + ctx] for i in ix.tolist()])
    return x, y


@torch.no_grad()
def eval_fixed(model, batches):
    model.eval()
    tot = 0.0
    for x, y in batches:
        tot += F.cross_entropy(model(x).flatten(0, 1), y.flatten()).item()
    model.train()
    return tot / len(batches)


@torch.no_grad()
def eval_full(model, data, ctx, batch=64):
    """Mean NLL (nats/char) over all non-overlapping ctx windows of `data`."""
    model.eval()
    n = (len(data) - 1) // ctx
    xs = data[:n * ctx].view(n, ctx)
    ys = data[1:n * ctx + 1].view(n, ctx)
    tot, cnt = 0.0, 0
    for i in range(0, n, batch):
        logits = model(xs[i:i + batch])
        tot += F.cross_entropy(logits.flatten(0, 1), ys[i:i + batch].flatten(), reduction="sum").item()
        cnt += ys[i:i + batch].numel()
    model.train()
    return tot / cnt


@torch.no_grad()
def greedy(model, prompt, n, stoi, itos, ctx):
    model.eval()
    ids = encode(prompt, stoi)
    for _ in range(n):
        x = torch.tensor([ids[-ctx:]], dtype=torch.long)
        ids.append(int(model(x)[0, -1].argmax()))
    return "".join(itos[i] if i else "?" for i in ids)


def lr_at(step, max_steps, warmup, lr, min_lr, time_frac=0.0):
    """Linear warmup, then cosine decay to min_lr. Progress is the larger of the
    step fraction and the wall-time fraction, so on a slow/shared machine the
    schedule still completes its decay within the time budget."""
    if step < warmup:
        return lr * (step + 1) / warmup
    p = min(1.0, max((step - warmup) / max(1, max_steps - warmup), time_frac))
    return min_lr + 0.5 * (lr - min_lr) * (1 + math.cos(math.pi * p))


# ----------------------------------------------------------------------------
# a tiny independent numpy interpreter for the exported graph (verification
# without onnxruntime, which Debian bookworm does not package)
# ----------------------------------------------------------------------------
def run_onnx_numpy(model_proto, feeds, extra=()):
    import onnx
    from onnx import numpy_helper
    from math import erf
    verf = np.vectorize(erf, otypes=[np.float64])
    env = {t.name: numpy_helper.to_array(t) for t in model_proto.graph.initializer}
    env.update(feeds)

    def attr(node, name, default=None):
        for a in node.attribute:
            if a.name == name:
                return onnx.helper.get_attribute_value(a)
        return default

    for node in model_proto.graph.node:
        i = [env[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Constant":
            out = [numpy_helper.to_array(attr(node, "value"))]
        elif op == "Gather":
            out = [np.take(i[0], i[1], axis=attr(node, "axis", 0))]
        elif op == "Shape":
            out = [np.array(i[0].shape, dtype=np.int64)]
        elif op == "Slice":
            data, starts, ends = i[0], i[1], i[2]
            axes = i[3] if len(i) > 3 and i[3] is not None else np.arange(len(starts))
            steps = i[4] if len(i) > 4 and i[4] is not None else np.ones(len(starts), np.int64)
            sl = [slice(None)] * data.ndim
            for s, e, a, st in zip(starts, ends, axes, steps):
                sl[int(a)] = slice(int(s), int(min(e, np.iinfo(np.int64).max)), int(st))
            out = [data[tuple(sl)]]
        elif op == "Unsqueeze":
            x = i[0]
            for a in sorted(int(a) for a in i[1]):
                x = np.expand_dims(x, a)
            out = [x]
        elif op == "Squeeze":
            out = [np.squeeze(i[0], axis=tuple(int(a) for a in i[1])) if len(i) > 1 else np.squeeze(i[0])]
        elif op == "Concat":
            out = [np.concatenate(i, axis=attr(node, "axis"))]
        elif op == "Reshape":
            shape = [d if d != 0 else i[0].shape[k] for k, d in enumerate(i[1].tolist())]
            out = [i[0].reshape(shape)]
        elif op == "Transpose":
            out = [np.transpose(i[0], attr(node, "perm"))]
        elif op == "Split":
            axis = attr(node, "axis", 0)
            sizes = i[1] if len(i) > 1 and i[1] is not None else attr(node, "split")
            idx = np.cumsum(sizes)[:-1]
            out = np.split(i[0], idx, axis=axis)
        elif op == "MatMul":
            out = [np.matmul(i[0], i[1])]
        elif op == "Gemm":
            a, b = i[0], i[1]
            if attr(node, "transA", 0):
                a = a.T
            if attr(node, "transB", 0):
                b = b.T
            y = attr(node, "alpha", 1.0) * (a @ b)
            if len(i) > 2:
                y = y + attr(node, "beta", 1.0) * i[2]
            out = [y]
        elif op in ("Add", "Sub", "Mul", "Div", "Pow"):
            f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide, "Pow": np.power}[op]
            r = f(i[0], i[1])
            out = [r.astype(i[0].dtype) if op != "Div" or i[0].dtype.kind == "f" else (i[0] // i[1])]
        elif op == "Sqrt":
            out = [np.sqrt(i[0])]
        elif op == "Erf":
            out = [verf(i[0]).astype(i[0].dtype)]
        elif op == "Softmax":
            ax = attr(node, "axis", -1)
            e = np.exp(i[0] - i[0].max(axis=ax, keepdims=True))
            out = [e / e.sum(axis=ax, keepdims=True)]
        elif op == "ReduceMean":
            out = [i[0].mean(axis=tuple(attr(node, "axes")), keepdims=bool(attr(node, "keepdims", 1)))]
        elif op == "LayerNormalization":
            ax = attr(node, "axis", -1)
            eps = attr(node, "epsilon", 1e-5)
            x = i[0].astype(np.float64)
            mu = x.mean(axis=ax, keepdims=True)
            var = ((x - mu) ** 2).mean(axis=ax, keepdims=True)
            y = (x - mu) / np.sqrt(var + eps) * i[1]
            if len(i) > 2 and i[2] is not None:
                y = y + i[2]
            out = [y.astype(np.float32)]
        elif op == "Cast":
            to = attr(node, "to")
            out = [i[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[to])]
        elif op == "Where":
            out = [np.where(i[0], i[1], i[2])]
        elif op == "Equal":
            out = [np.equal(i[0], i[1])]
        elif op == "Range":
            out = [np.arange(i[0], i[1], i[2])]
        elif op == "Identity":
            out = [i[0]]
        else:
            raise NotImplementedError(op)
        for name, val in zip(node.output, out):
            env[name] = np.asarray(val)
    return {o: env[o] for o in [o.name for o in model_proto.graph.output] + list(extra)}


# ----------------------------------------------------------------------------
def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-dir", default="models/kjv-char-gpt")
    ap.add_argument("--corpus", default=None, help="text file, one verse per line (default: run `bible`)")
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--max-steps", type=int, default=3000, help="length of the cosine schedule in steps")
    ap.add_argument("--time-budget", type=float, default=15 * 60,
                    help="training wall-time budget in seconds; the cosine schedule ends at whichever of "
                         "max-steps or the budget comes first")
    ap.add_argument("--target-val", type=float, default=0.0,
                    help="stop early once the eval val loss is <= this (0 = train the whole schedule)")
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--min-lr", type=float, default=3e-4)
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--eval-every", type=int, default=50)
    ap.add_argument("--eval-batches", type=int, default=8)
    ap.add_argument("--opset", type=int, default=17)
    ap.add_argument("--save-pt", action="store_true")
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    log = Tee(os.path.join(args.out_dir, "train.log"))
    t_start = time.time()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.use_deterministic_algorithms(True)

    log("# satc decoder: character-level GPT on the King James Bible")
    log(f"date_utc={time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}")
    log(f"python={platform.python_version()} torch={torch.__version__} numpy={np.__version__} "
        f"threads={torch.get_num_threads()} machine={platform.machine()}")
    log(f"args={vars(args)}")

    # ---------------- data
    verses, source, stripped = load_verses(args.corpus)
    n = len(verses)
    n_cal = max(1, round(n * 0.02))
    n_val = max(1, round(n * 0.05))
    n_tr = n - n_val - n_cal
    tr_v, va_v, ca_v = verses[:n_tr], verses[n_tr:n_tr + n_val], verses[n_tr + n_val:]
    full_text = "\n".join(verses) + "\n"
    log(f"corpus_source={source}")
    log(f"verses={n} prefixes_stripped={stripped} chars={len(full_text)} "
        f"sha256={hashlib.sha256(full_text.encode()).hexdigest()}")
    log(f"split: train verses 0..{n_tr - 1} ({tr_v[0][:30]!r} .. {tr_v[-1][:30]!r}); "
        f"val verses {n_tr}..{n_tr + n_val - 1}; calibration(held out) verses {n_tr + n_val}..{n - 1} "
        f"({ca_v[0][:30]!r} ..)")

    # vocabulary: <unk> + every character of the normalised corpus (sorted)
    itos, stoi = build_vocab(full_text)
    V = len(itos)
    log(f"vocab_size={V} chars={''.join(itos[1:])!r}")
    with open(os.path.join(args.out_dir, "vocab.json"), "w", encoding="utf-8") as f:
        json.dump({
            "type": "char",
            "vocab_size": V,
            "unk_id": 0,
            "unk_policy": "any character not in the table (including all non-ASCII, tabs, digits, '\\r') "
                          "maps to id 0 (<unk>); the model never saw id 0 in training. Input should be "
                          "normalised like the corpus: one verse per line joined with '\\n', runs of "
                          "whitespace collapsed to one space.",
            "newline": "'\\n' (id %d) separates verses" % stoi["\n"],
            "itos": itos,
            "stoi": stoi,
        }, f, ensure_ascii=False, indent=1)

    tr_text = "\n".join(tr_v) + "\n"
    va_text = "\n".join(va_v) + "\n"
    train_data = torch.tensor(encode(tr_text, stoi), dtype=torch.long)
    val_data = torch.tensor(encode(va_text, stoi), dtype=torch.long)
    log(f"train_chars={len(train_data)} val_chars={len(val_data)} "
        f"heldout_chars={sum(len(v) + 1 for v in ca_v)}")

    # calibration: 200 held-out verses >= 64 chars, evenly spread over the held-out part
    # (a held-out verse whose exact text also occurs in the train/val text is skipped)
    cand = [v for v in ca_v if len(v) >= 64 and v not in tr_text and v not in va_text]
    assert len(cand) >= 200, len(cand)
    pick = [cand[round(k * (len(cand) - 1) / 199)] for k in range(200)]
    leaked = sum(1 for p in pick if p in tr_text)
    with open(os.path.join(args.out_dir, "calibration.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(pick) + "\n")
    log(f"calibration: {len(pick)} lines from {len(cand)} held-out candidates >= 64 chars; "
        f"lines also occurring verbatim in train text: {leaked}")

    # ---------------- model
    ctx = 128
    model = CharGPT(V, d=128, n_layer=4, n_head=4, ctx=ctx)
    n_params = sum(p.numel() for p in model.parameters())
    log(f"model: CharGPT n_layer=4 d_model=128 n_head=4 ctx={ctx} mlp=4x GELU pre-LN untied head; "
        f"parameters={n_params}")

    decay = [p for nme, p in model.named_parameters() if p.dim() >= 2 and nme != "pos_emb"]
    no_decay = [p for nme, p in model.named_parameters() if not (p.dim() >= 2 and nme != "pos_emb")]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                             {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr, betas=(0.9, 0.99))

    g_eval = torch.Generator().manual_seed(args.seed + 1)
    val_batches = [get_batch(val_data, 64, ctx, g_eval) for _ in range(args.eval_batches)]
    tr_eval_batches = [get_batch(train_data, 64, ctx, g_eval) for _ in range(args.eval_batches)]
    g_train = torch.Generator().manual_seed(args.seed + 2)

    log(f"training: AdamW lr={args.lr} min_lr={args.min_lr} warmup={args.warmup} cosine over "
        f"min({args.max_steps} steps, {args.time_budget:.0f}s), batch={args.batch}x{ctx}, wd={args.weight_decay}, time cap {args.time_budget:.0f}s")
    t0 = time.time()
    run_loss, run_n = 0.0, 0
    step = 0
    stop_reason = "max_steps"
    model.train()
    while step < args.max_steps:
        el = time.time() - t0
        if el >= args.time_budget:
            stop_reason = f"time budget {args.time_budget:.0f}s reached (schedule fully decayed)"
            break
        lr = lr_at(step, args.max_steps, args.warmup, args.lr, args.min_lr, el / args.time_budget)
        for gparam in opt.param_groups:
            gparam["lr"] = lr
        x, y = get_batch(train_data, args.batch, ctx, g_train)
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        run_loss += loss.item()
        run_n += 1
        step += 1
        if step % args.eval_every == 0 or step == args.max_steps:
            el = time.time() - t0
            vl = eval_fixed(model, val_batches)
            tl = eval_fixed(model, tr_eval_batches[:4])
            log(f"step {step:5d} | lr {lr:.2e} | train(run) {run_loss / run_n:.4f} | train(eval) {tl:.4f} "
                f"| val {vl:.4f} | {el:7.1f}s | {el / step:.3f}s/step")
            run_loss, run_n = 0.0, 0
            if args.target_val and vl <= args.target_val:
                stop_reason = f"target val {args.target_val} reached"
                break
    train_wall = time.time() - t0
    log(f"training stopped after {step} steps ({stop_reason}); training wall time {train_wall:.1f}s "
        f"({train_wall / 60:.1f} min)")

    # ---------------- final evaluation
    model.eval()
    final_val = eval_full(model, val_data, ctx)
    final_train = eval_fixed(model, tr_eval_batches)
    log(f"final: train loss ({len(tr_eval_batches)}x64 random windows) {final_train:.4f} nats/char | "
        f"val loss (all {len(val_data) // ctx} non-overlapping windows) {final_val:.4f} nats/char "
        f"= {final_val / math.log(2):.3f} bits/char")
    cal_text = "\n".join(pick) + "\n"
    cal_data = torch.tensor(encode(cal_text, stoi), dtype=torch.long)
    log(f"calibration.txt loss (held out) {eval_full(model, cal_data, ctx):.4f} nats/char")

    for prompt in ["And God said", "In the beginning"]:
        s = greedy(model, prompt, 200, stoi, itos, ctx)
        log(f"greedy sample (prompt {prompt!r}, 200 chars):")
        log(s)
        log("-" * 60)
    if args.save_pt:
        torch.save(model.state_dict(), os.path.join(args.out_dir, "model.pt"))

    # ---------------- export
    onnx_path = os.path.join(args.out_dir, "model.onnx")
    dummy = torch.randint(1, V, (2, 16), generator=torch.Generator().manual_seed(7))
    torch.onnx.export(model, (dummy,), onnx_path, input_names=["input_ids"], output_names=["logits"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}},
                      opset_version=args.opset, do_constant_folding=True)
    import onnx
    m = onnx.load(onnx_path)
    # Post-processing of exporter-made Constant nodes (weights and buffers are
    # initializers and untouched): the exporter leaves the Constant nodes it
    # creates itself (e.g. Unsqueeze axes) without a module scope ("Constant_29")
    # and may share one between blocks. Each such Constant gets one copy per
    # consumer scope, named with that scope and placed right before its first
    # consumer, so that every node of block N is named /blocks.N/... and the
    # only tensor flowing between blocks is the residual stream.
    consumers = {}
    for nd in m.graph.node:
        for t in nd.input:
            consumers.setdefault(t, []).append(nd.name)
    scope_of = lambda name: name[:name.rfind("/") + 1] if name.startswith("/") else "/"
    insert_before, drop, shared, renamed = {}, set(), [], 0
    for nd in m.graph.node:
        if nd.op_type != "Constant" or (nd.name.startswith("/") and
                                         all(scope_of(c) == scope_of(nd.name) for c in consumers.get(nd.output[0], []))):
            continue
        cons = consumers.get(nd.output[0], [])
        groups = {}
        for c in cons:
            groups.setdefault(scope_of(c), []).append(c)
        if len(groups) > 1:
            shared.append((nd.name, sorted(groups)))
        base = nd.name.rsplit("/", 1)[-1]
        for sc, names in groups.items():
            cp = onnx.NodeProto()
            cp.CopyFrom(nd)
            cp.name = sc + base
            cp.output[0] = sc + base + "_output_0" if len(groups) > 1 else nd.output[0]
            insert_before.setdefault(names[0], []).append(cp)
            renamed += 1
            if len(groups) > 1:
                for c in m.graph.node:
                    if c.name in names:
                        for k, t in enumerate(c.input):
                            if t == nd.output[0]:
                                c.input[k] = cp.output[0]
        drop.add(nd.name)
    new_nodes = []
    for nd in m.graph.node:
        if nd.name in drop:
            continue
        new_nodes.extend(insert_before.get(nd.name, []))
        new_nodes.append(nd)
    del m.graph.node[:]
    m.graph.node.extend(new_nodes)
    log(f"onnx: scoped {renamed} exporter Constant node(s) by their consumers; "
        f"constants that were shared across scopes and got duplicated: {shared}")
    onnx.save(m, onnx_path)
    m = onnx.load(onnx_path)
    onnx.checker.check_model(m, full_check=True)
    size = os.path.getsize(onnx_path)
    log(f"onnx: {onnx_path} size={size} bytes ({size / 1e6:.2f} MB) opset={m.opset_import[0].version} "
        f"onnx={onnx.__version__} nodes={len(m.graph.node)} initializers={len(m.graph.initializer)}; checker OK")
    for vi in list(m.graph.input) + list(m.graph.output):
        dims = [d.dim_param or d.dim_value for d in vi.type.tensor_type.shape.dim]
        log(f"  {vi.name}: elem_type={onnx.TensorProto.DataType.Name(vi.type.tensor_type.elem_type)} shape={dims}")
    names = [nd.name for nd in m.graph.node]
    log("  first 40 node names: " + ", ".join(names[:40]))
    for b in range(4):
        bn = [x for x in names if x.startswith(f"/blocks.{b}/")]
        log(f"  /blocks.{b}/ nodes: {len(bn)} (first {bn[0]}, last {bn[-1]})")
    other = [x for x in names if not x.startswith("/blocks.")]
    log(f"  nodes outside blocks: {other}")
    log(f"  op types: {sorted(set(nd.op_type for nd in m.graph.node))}")

    # the tensors that cross each cut point (embedding | blocks.0 | ... | blocks.3 | ln_f+head)
    def seg(name):
        mm = re.match(r"^/blocks\.(\d+)/", name)
        if mm:
            return int(mm.group(1)) + 1
        return 0 if name.count("/") == 1 or name.startswith("/tok_emb/") else 5
    cut_tensors = []
    prod = {o: seg(nd.name) for nd in m.graph.node for o in nd.output}
    order_ok = all(seg(a.name) <= seg(b.name) for a, b in zip(m.graph.node, m.graph.node[1:]))
    log(f"  segments appear in order in the node list: {order_ok}")
    for cut in range(1, 6):
        crossing = set()
        for nd in m.graph.node:
            if seg(nd.name) >= cut:
                for t in nd.input:
                    if t in prod and prod[t] < cut:
                        crossing.add(t)
        cut_tensors.extend(sorted(crossing))
        log(f"  cut before segment {cut} ({'blocks.%d' % (cut - 1) if cut < 5 else 'ln_f/head'}): "
            f"crossing tensors {sorted(crossing)}")

    # ---------------- verification: numpy interpreter of the ONNX graph vs PyTorch
    g_ver = torch.Generator().manual_seed(99)
    worst = 0.0
    for shape in [(1, 1), (2, 37), (3, 128)]:
        ids = torch.randint(1, V, shape, generator=g_ver)
        with torch.no_grad():
            ref = model(ids).numpy()
        res = run_onnx_numpy(m, {"input_ids": ids.numpy().astype(np.int64)}, cut_tensors)
        got = res["logits"]
        log(f"  shape {shape}: cut tensors " + ", ".join(f"{t}{list(res[t].shape)}:{res[t].dtype}" for t in cut_tensors))
        assert got.shape == ref.shape, (got.shape, ref.shape)
        d = float(np.abs(got.astype(np.float64) - ref).max())
        worst = max(worst, d)
        log(f"  verify shape {shape}: onnx(numpy interpreter) vs torch max|diff| = {d:.2e}")
    # greedy decode through the ONNX graph must reproduce the torch sample
    ids = encode("And God said", stoi)
    for _ in range(40):
        lg = run_onnx_numpy(m, {"input_ids": np.array([ids[-ctx:]], dtype=np.int64)})["logits"]
        ids.append(int(lg[0, -1].argmax()))
    onnx_sample = "".join(itos[i] for i in ids)
    torch_sample = greedy(model, "And God said", 40, stoi, itos, ctx)
    log(f"  greedy via ONNX graph: {onnx_sample!r}; equals torch: {onnx_sample == torch_sample}")
    log(f"verification: worst max|diff| = {worst:.2e} ({'PASS' if worst <= 1e-4 else 'FAIL'} at 1e-4)")
    log(f"total script wall time {time.time() - t_start:.1f}s")
    if worst > 1e-4:
        sys.exit(1)


if __name__ == "__main__":
    main()
