r"""flowvar run, exported to PyTorch (flowvar __VERSION__).

Link: __LINK__

This file rebuilds the flowvar run of the link above: at d = 2 on the CPU in float32 it draws the
same training pairs, initial weights, batches, t and noise (flowvar's PCG4D counter RNG and
Box-Muller), trains the same MLP with the same Adam and learning-rate schedule, and measures
the same gradient variance and evaluation metrics as `flowvar run "<link>" --engine cpu`.
It needs Python >= 3.9, torch >= 1.13 and numpy.

How to run it:
  python run.py                                  the link's run, one JSON line per evaluation
  python run.py --steps 500 --eval-every 100     train 500 steps, evaluate every 100
  python run.py --device cuda                    on a GPU (float32; numbers differ in the last digits)
  torchrun --nproc_per_node=N run.py             one model, the global batch split over N processes
                                                 (gloo on CPU, NCCL on CUDA); rank 0 prints
                                                 (Debian's torch 1.13 on Python 3.11: add
                                                 --redirects 1 --tee 1, a torchrun bug)
  torchrun --nproc_per_node=2 run.py --dim 8 --sigmas 0,0.3 --seeds 3
                                                 every (sigma, seed) model, spread over the processes;
                                                 the last rows are the mean and std over seeds per sigma
  python run.py --data targets.npy               train on your own targets (N x D: .npy, .pt or .csv)
  python run.py --save w.json / --resume w.json  flowvar's weights file (version 2, the page's format)
  python run.py --help                           every option

Output (stdout): JSON Lines, one row per evaluation, with the keys and key order of
`flowvar run --json`:
__ROW_KEY_DOCS__
With --dim or --data, rows append the D-dimensional metrics:
__DIM_KEY_DOCS__
At D > 2 slicedW2, gaussianW2 and otCost are null (they are 2-D measurements in flowvar).
Progress goes to stderr. Exit codes: 0 done, 2 bad input (torch missing or older than 1.13,
--dim < 2, a malformed --data or --resume file, a bad option).

Settings of this run (flowvar's config table; every one is used below):
__SETTING_DOCS__
"""
import argparse
import json
import math
import os
import sys
import time
from decimal import Decimal

LINK = __LINK_JSON__
CONFIG = json.loads(__CONFIG_JSON__)
FIELD_DEFAULTS = json.loads(__DEFAULTS_JSON__)
URL_VERSION = __URL_VERSION__
FLOWVAR_VERSION = __VERSION_JSON__
CORRECTIONS = __CORRECTIONS__
ROW_KEYS = __ROW_KEYS_JSON__
DIM_KEYS = __DIM_KEYS_JSON__
# the point lists as the link writes them (flowvar's compact codec), by key
COMPACT_TEXT = __COMPACT_TEXT_JSON__
WEIGHTS_FORMAT = "flowvar-weights"
WEIGHTS_VERSION = 2


def fail(message):
    """Bad input: a clear message and exit code 2, never a stack trace."""
    print(f"flowvar export: {message}", file=sys.stderr)
    sys.exit(2)


if sys.version_info < (3, 9):
    fail(f"Python {sys.version.split()[0]} is too old: this script needs Python >= 3.9")
try:
    import numpy as np
except ImportError:
    fail("numpy is missing: pip install numpy (or apt-get install python3-numpy)")
torch = dist = None  # imported by load_torch() once the command line is read (bad input exits at once)
_TORCH = (0, 0)


def load_torch():
    global torch, dist, _TORCH
    try:
        import torch as _torch
    except ImportError:
        fail("torch is missing: pip install torch (>= 1.13), or apt-get install python3-torch")
    torch = _torch
    _TORCH = tuple(int(p) for p in torch.__version__.split("+")[0].split(".")[:2] if p.isdigit())
    if _TORCH < (1, 13):
        fail(f"torch {torch.__version__} is too old: this script needs torch >= 1.13")
    import torch.distributed as _dist
    dist = _dist


# ---------------------------------------------------------------- RNG (src/math/rng.ts)
STREAM = dict(init=1, source=2, target=3, batch=4, fresh=5, shuffle=6, slice=7, evalTarget=8)
# axes past the first two draw from stream + AXIS_STREAM * a (a = 1, 2, ...): flowvar's 2-D draws keep their keys
AXIS_STREAM = 16
_U32 = np.uint32


def pcg4d(seed, stream, step, index):
    """PCG4D (Jarzynski & Olano 2020): one key -> four uint32 words, broadcast over arrays."""
    a = [np.asarray(v, dtype=np.int64).astype(np.uint32) for v in (seed, stream, step, index)]
    x, y, z, w = np.broadcast_arrays(*a)
    with np.errstate(over="ignore"):
        x, y, z, w = (v * _U32(1664525) + _U32(1013904223) for v in (x, y, z, w))
        x = x + y * w; y = y + z * x; z = z + x * y; w = w + y * z
        x = x ^ (x >> _U32(16)); y = y ^ (y >> _U32(16)); z = z ^ (z >> _U32(16)); w = w ^ (w >> _U32(16))
        x = x + y * w; y = y + z * x; z = z + x * y; w = w + y * z
    return x, y, z, w


def to_uniform(bits):
    return (bits >> _U32(8)).astype(np.float64) * (1.0 / 16777216)


def to_uniform_open(bits):
    return ((bits >> _U32(9)).astype(np.float64) * 2 + 1) * (1.0 / 16777216)


def box_muller(a, b):
    r = np.sqrt(-2 * np.log(to_uniform_open(a)))
    angle = 2 * math.pi * to_uniform(b)
    return r * np.cos(angle), r * np.sin(angle)


def to_index(bits, n):
    return (bits % _U32(n)).astype(np.int64)


def extra_normals(seed, stream, step, index, dim):
    """Standard normals for axes 3..D of each key: (len(index), dim - 2); 4 per extra key."""
    index = np.asarray(index)
    cols = []
    a = 1
    while 2 + len(cols) < dim:
        w0, w1, w2, w3 = pcg4d(seed, stream + AXIS_STREAM * a, step, index)
        n0, n1 = box_muller(w0, w1)
        n2, n3 = box_muller(w2, w3)
        cols += [n0, n1, n2, n3]
        a += 1
    cols = cols[: dim - 2]
    return np.stack(cols, axis=1) if cols else np.zeros((index.size, 0))


# ---------------------------------------------------------------- 2x2 algebra (src/math/linalg2.ts, theory.ts)
def mat_mul(p, q):
    return (p[0] * q[0] + p[1] * q[2], p[0] * q[1] + p[1] * q[3], p[2] * q[0] + p[3] * q[2], p[2] * q[1] + p[3] * q[3])


def mat_det(m):
    return m[0] * m[3] - m[1] * m[2]


def mat_inverse(m):
    d = mat_det(m)
    return (m[3] / d, -m[1] / d, -m[2] / d, m[0] / d)


def sqrt_spd(m):
    s = math.sqrt(max(0.0, mat_det(m)))
    t = math.sqrt(max(1e-300, m[0] + m[3] + 2 * s))
    return ((m[0] + s) / t, m[1] / t, m[2] / t, (m[3] + s) / t)


def rotation(phi):
    c, s = math.cos(phi), math.sin(phi)
    return (c, -s, s, c)


def covariance(sx, sy, rho):
    return (sx * sx, rho * sx * sy, rho * sx * sy, sy * sy)


def ot_matrix(c0, c1):
    r0 = sqrt_spd(c0)
    r0inv = mat_inverse(r0)
    return mat_mul(mat_mul(r0inv, sqrt_spd(mat_mul(mat_mul(r0, c1), r0))), r0inv)


def rotated_matrix(c0, c1, phi):
    return mat_mul(mat_mul(sqrt_spd(c1), rotation(phi)), mat_inverse(sqrt_spd(c0)))


def w2_gaussian_sq(m0, s0, m1, s1):
    r1 = sqrt_spd(s1)
    cross = sqrt_spd(mat_mul(mat_mul(r1, s0), r1))
    mean_part = (m0[0] - m1[0]) ** 2 + (m0[1] - m1[1]) ** 2
    return max(0.0, mean_part + s0[0] + s0[3] + s1[0] + s1[3] - 2 * (cross[0] + cross[3]))


# ---------------------------------------------------------------- worlds (src/math/distributions.ts, couplings.ts)
SIDE_KEYS = dict(source=("source", "srcMx", "srcMy", "srcSx", "srcSy", "srcRho"),
                 target=("target", "tgtMx", "tgtMy", "tgtSx", "tgtSy", "tgtRho"))


POINTS_KEYS = dict(source="sourcePoints", target="targetPoints")


def side_spec(c, side):
    kind, mx, my, sx, sy, rho = SIDE_KEYS[side]
    points = np.asarray(c[POINTS_KEYS[side]], dtype=np.float64).reshape(-1, 2)
    spec = dict(kind=c[kind], mean=(c[mx], c[my]), std=(c[sx], c[sy]), rho=c[rho], points=points, jitter=c["pointJitter"])
    if spec["kind"] == "points" and len(points) < 1:
        spec["kind"] = "gaussian"  # source=points without points: a Gaussian stands in, as in flowvar
    return spec


def spec_cov(spec):
    return covariance(spec["std"][0], spec["std"][1], spec["rho"])


# the noise of each shape's extra axes at D > 2 (docs/math.md, Past two dimensions)
EXTRA_AXIS_STD = dict(gaussian=1.0, mixture=0.2, moons=0.08, rings=0.08, checker=0.08)


def sample_points(spec, seed, stream, step, index, dim=2):
    """Points of `spec` for keys (seed, stream, step, index[i]): (n, dim) float64."""
    index = np.asarray(index, dtype=np.int64)
    w0, w1, w2, w3 = pcg4d(seed, stream, step, index)
    n0, n1 = box_muller(w0, w1)
    sx, sy = spec["std"]
    mx, my = spec["mean"]
    kind = spec["kind"]
    if kind == "points":
        # one of the user's points, picked uniformly, plus jitter (src/math/distributions.ts)
        pts, j = spec["points"], spec["jitter"]
        k = to_index(w2, len(pts))
        x, y = mx + sx * (pts[k, 0] + j * n0), my + sy * (pts[k, 1] + j * n1)
    elif kind == "gaussian":
        rho = max(-0.99, min(0.99, spec["rho"]))
        x, y = mx + sx * n0, my + sy * (rho * n0 + math.sqrt(1 - rho * rho) * n1)
    elif kind == "mixture":
        angle = (2 * math.pi * to_index(w2, 8)) / 8
        x, y = mx + sx * (2 * np.cos(angle) + 0.2 * n0), my + sy * (2 * np.sin(angle) + 0.2 * n1)
    elif kind == "moons":
        angle = math.pi * to_uniform(w2)
        upper = (w3 & _U32(1)) == 0
        px = np.where(upper, np.cos(angle), 1 - np.cos(angle))
        py = np.where(upper, np.sin(angle), 0.5 - np.sin(angle))
        x, y = mx + sx * 1.5 * (px - 0.5 + 0.08 * n0), my + sy * 1.5 * (py - 0.25 + 0.08 * n1)
    elif kind == "rings":
        angle = 2 * math.pi * to_uniform(w2)
        radius = np.where((w3 & _U32(1)) == 0, 1.0, 2.0)
        x, y = mx + sx * (radius * np.cos(angle) + 0.08 * n0), my + sy * (radius * np.sin(angle) + 0.08 * n1)
    elif kind == "checker":
        u = 4 * to_uniform(w2)
        col = np.floor(u)
        row = 2 * to_index(w3, 2) + (col % 2)
        v = row + to_uniform(w1 ^ w3)
        x, y = mx + sx * (u - 2), my + sy * (v - 2)
    else:
        raise ValueError(kind)
    out = np.stack([x, y], axis=1)
    if dim > 2:
        extra_std = spec["jitter"] if kind == "points" else EXTRA_AXIS_STD[kind]
        out = np.concatenate([out, extra_std * extra_normals(seed, stream, step, index, dim)], axis=1)
    return out


def coupling_blocks(world, dim):
    """x1 = mu1 + M (x0 - mu0) of the linear couplings, M block-diagonal: flowvar's 2x2 on axes (1, 2),
    then for rotated R(phi) in each plane (3, 4), (5, 6), ... (an odd last axis kept), for ot I."""
    c0, c1 = spec_cov(world["source"]), spec_cov(world["target"])
    m2 = ot_matrix(c0, c1) if world["coupling"] == "ot" else rotated_matrix(c0, c1, world["phi"])
    m = np.eye(dim)
    m[0, 0], m[0, 1], m[1, 0], m[1, 1] = m2
    if world["coupling"] == "rotated":
        r = rotation(world["phi"])
        for a in range(2, dim - 1, 2):
            m[a, a], m[a, a + 1], m[a + 1, a], m[a + 1, a + 1] = r
    return m2, m


CROSS_CENTERS = dict(a=(-2, 1), b=(-2, -1), c=(2, 1), d=(2, -1))
CROSS_STD = 0.25


def make_pairs(world, seed, dim=2):
    """The N training pairs of flowvar's makePairs(): (x0, x1), each (N, dim) float64."""
    user = world["userPairs"]
    user_count = len(user) // 4
    coupling = world["coupling"]
    n = user_count if coupling == "user" and user_count > 0 else world["pairs"]
    idx = np.arange(n)
    if coupling == "user" and user_count > 0:
        p = np.asarray(user[: 4 * n], dtype=np.float64).reshape(n, 4)
        x0, x1 = p[:, :2], p[:, 2:]
        if dim > 2:  # drawn pairs live in the plane: the other axes are 0
            x0 = np.concatenate([x0, np.zeros((n, dim - 2))], axis=1)
            x1 = np.concatenate([x1, np.zeros((n, dim - 2))], axis=1)
        return x0, x1
    if coupling in ("cross", "user"):
        w0, w1, w2, w3 = pcg4d(seed, STREAM["source"], 0, idx)
        n0, n1 = box_muller(w0, w1)
        n2, n3 = box_muller(w2, w3)
        upper = idx % 2 == 0
        fa, fb = np.where(upper, CROSS_CENTERS["a"][0], CROSS_CENTERS["b"][0]), np.where(upper, CROSS_CENTERS["a"][1], CROSS_CENTERS["b"][1])
        ta, tb = np.where(upper, CROSS_CENTERS["d"][0], CROSS_CENTERS["c"][0]), np.where(upper, CROSS_CENTERS["d"][1], CROSS_CENTERS["c"][1])
        x0 = np.stack([fa + CROSS_STD * n0, fb + CROSS_STD * n1], axis=1)
        x1 = np.stack([ta + CROSS_STD * n2, tb + CROSS_STD * n3], axis=1)
        if dim > 2:
            x0 = np.concatenate([x0, CROSS_STD * extra_normals(seed, STREAM["source"], 0, idx, dim)], axis=1)
            x1 = np.concatenate([x1, CROSS_STD * extra_normals(seed, STREAM["target"], 0, idx, dim)], axis=1)
        return x0, x1
    x0 = sample_points(world["source"], seed, STREAM["source"], 0, idx, dim)
    if coupling in ("ot", "rotated"):
        m2, m = coupling_blocks(world, dim)
        mu0 = np.zeros(dim); mu0[:2] = world["source"]["mean"]
        mu1 = np.zeros(dim); mu1[:2] = world["target"]["mean"]
        d = x0 - mu0
        x1 = np.empty_like(x0)
        # the first plane exactly as flowvar's apply(): m[0] * v[0] + m[1] * v[1]
        x1[:, 0] = m2[0] * d[:, 0] + m2[1] * d[:, 1] + mu1[0]
        x1[:, 1] = m2[2] * d[:, 0] + m2[3] * d[:, 1] + mu1[1]
        if dim > 2:
            x1[:, 2:] = d[:, 2:] @ m[2:, 2:].T + mu1[2:]
        return x0, x1
    return x0, sample_points(world["target"], seed, STREAM["target"], 0, idx, dim)


def shuffled(n, seed):
    """A fixed permutation of 0..n-1 from the shuffle stream (the paper's shuffled pairing)."""
    w0, _, _, _ = pcg4d(seed, STREAM["shuffle"], 0, np.arange(n))
    return np.argsort(w0, kind="stable")


# ---------------------------------------------------------------- interpolants and batches (src/math/interpolants.ts, batch.ts)
T_CLIP = 1e-4


def effective_sigma(c):
    return 0.0 if c["interpolant"] == "deterministic" else c["sigma"]


def write_input(x, t, fourier):
    """Network input: x (n, D), t, then sin(2 pi k t), cos(2 pi k t) for k = 1..fourier (float64)."""
    cols = [x, t[:, None]]
    for k in range(1, fourier + 1):
        cols += [np.sin(2 * math.pi * k * t)[:, None], np.cos(2 * math.pi * k * t)[:, None]]
    return np.concatenate(cols, axis=1)


def sample_batch(x0, x1, seed, step, rows, kind, sigma, fourier):
    """Rows `rows` of step `step`'s batch: input and target u_t. Word 0 -> t, 1 -> pair, 2, 3 -> eps."""
    n, dim = x0.shape
    w0, w1, w2, w3 = pcg4d(seed, STREAM["batch"], step, rows)
    t = to_uniform(w0)
    if kind == "bridge":
        t = np.minimum(1 - T_CLIP, np.maximum(T_CLIP, t))
    k = to_index(w1, n)
    ex, ey = box_muller(w2, w3)
    eps = np.stack([ex, ey], axis=1)
    if dim > 2:
        eps = np.concatenate([eps, extra_normals(seed, STREAM["batch"], step, rows, dim)], axis=1)
    a, b = x0[k], x1[k]
    noise = np.zeros_like(t)
    drift = np.zeros_like(t)
    if kind == "constant":
        noise = noise + sigma
    elif kind == "bridge":
        s = np.sqrt(t * (1 - t))
        noise = sigma * s
        drift = sigma * (1 - 2 * t) / (2 * s)
    xt = (1 - t)[:, None] * a + t[:, None] * b + noise[:, None] * eps
    ut = (b - a) + drift[:, None] * eps
    return write_input(xt, t, fourier), ut


# ---------------------------------------------------------------- the MLP (src/math/mlp.ts, activations.ts)
GELU_K = math.sqrt(2 / math.pi)
ACTIVATIONS = dict(
    silu=lambda z: torch.nn.functional.silu(z),
    relu=lambda z: torch.relu(z),
    tanh=lambda z: torch.tanh(z),
    gelu=lambda z: 0.5 * z * (1 + torch.tanh(GELU_K * (z + 0.044715 * z * z * z))),
)


class Mlp:
    """flowvar's parameter layout: per layer W (fanOut x fanIn, row-major) then b, in one flat vector."""

    def __init__(self, c, dim):
        self.dim = dim
        self.fourier = c["fourier"]
        self.act = ACTIVATIONS[c["activation"]]
        self.activation = c["activation"]
        sizes = [dim + 1 + 2 * c["fourier"]] + [c["width"]] * c["depth"] + [dim]
        self.layers = []
        offset = 0
        for l in range(len(sizes) - 1):
            fan_in, fan_out = sizes[l], sizes[l + 1]
            self.layers.append((fan_in, fan_out, offset, offset + fan_in * fan_out))
            offset += fan_in * fan_out + fan_out
        self.param_count = offset

    def init_params(self, seed):
        """He init for SiLU/ReLU/GELU, Xavier for tanh and the output layer; biases 0 (float32)."""
        theta = np.zeros(self.param_count, dtype=np.float32)
        for l, (fan_in, fan_out, w, _) in enumerate(self.layers):
            xavier = l == len(self.layers) - 1 or self.activation == "tanh"
            std = math.sqrt(2 / (fan_in + fan_out)) if xavier else math.sqrt(2 / fan_in)
            count = fan_in * fan_out
            n0, n1 = box_muller(*pcg4d(seed, STREAM["init"], l, np.arange((count + 1) // 2))[:2])
            vals = np.stack([n0 * std, n1 * std], axis=1).reshape(-1)[:count]
            theta[w : w + count] = vals.astype(np.float32)
        return theta

    def forward(self, theta, inp, keep=None):
        """Output (n, D); with keep=[] it records (input a_l-1, pre-activation z_l) per layer."""
        a = inp
        last = len(self.layers) - 1
        for l, (fan_in, fan_out, w, b) in enumerate(self.layers):
            z = torch.addmm(theta[b : b + fan_out], a, theta[w : w + fan_in * fan_out].view(fan_out, fan_in).t())
            if keep is not None:
                z.retain_grad()
                keep.append((a, z))
            a = z if l == last else self.act(z)
        return a


# ---------------------------------------------------------------- one training step (src/math/trainStep.ts, adam.ts)
BETA1, BETA2, ADAM_EPS = 0.9, 0.999, 1e-8


def learning_rate(lr, step, warmup, schedule, horizon):
    warm = min(1, (step + 1) / warmup) if warmup > 0 else 1
    if schedule == "constant" or horizon <= 0:
        return lr * warm
    progress = min(1, step / horizon)
    return lr * warm * (0.1 + 0.45 * (1 + math.cos(math.pi * progress)))


class Model:
    """One model: its world, network, theta and Adam's moments; trains on `share` rows of each batch."""

    def __init__(self, c, pairs, dim, device, group=None):
        self.c, self.device, self.group = c, device, group
        self.x0, self.x1 = pairs
        self.mlp = Mlp(c, dim)
        self.theta = torch.tensor(self.mlp.init_params(c["seed"]), device=device)
        self.m = torch.zeros_like(self.theta)
        self.v = torch.zeros_like(self.theta)
        self.step_count = 0
        rank, size = (dist.get_rank(), dist.get_world_size()) if group is not None else (0, 1)
        b = c["batch"]
        self.rows = np.arange(rank * b // size, (rank + 1) * b // size)

    def train_step(self):
        c = self.c
        sigma = effective_sigma(c)
        inp, target = sample_batch(self.x0, self.x1, c["seed"], self.step_count, self.rows, c["interpolant"], sigma, c["fourier"])
        inp = torch.tensor(inp, dtype=torch.float32, device=self.device)
        target = torch.tensor(target, dtype=torch.float32, device=self.device)
        theta = self.theta.detach().requires_grad_(True)
        keep = []
        out = self.mlp.forward(theta, inp, keep)
        per_sample = ((out - target) ** 2).sum(dim=1)
        # the gradient of the global mean loss: every rank weighs its rows by 1 / B
        (per_sample.sum() / c["batch"]).backward()
        grad = theta.grad
        # exact per-sample gradient norms: sum_l |delta_l,i|^2 (|a_l-1,i|^2 + 1), delta = B dL/dz
        norm_sq = torch.zeros((), dtype=torch.float64, device=self.device)
        for a, z in keep:
            delta = z.grad * c["batch"]
            norm_sq += ((delta.double() ** 2).sum(dim=1) * ((a.detach().double() ** 2).sum(dim=1) + 1)).sum()
        sums = torch.stack([per_sample.detach().double().sum(), norm_sq])
        if self.group is not None:
            dist.all_reduce(grad, group=self.group)
            dist.all_reduce(sums, group=self.group)
        loss_sum, norm_sum = sums.tolist()
        b = c["batch"]
        mean_grad_sq = float((grad.double() ** 2).sum())
        grad_var = (b / (b - 1)) * (norm_sum / b - mean_grad_sq) if b >= 2 else 0.0
        lr = learning_rate(c["lr"], self.step_count, c["warmup"], c["schedule"], c["steps"])
        t = self.step_count + 1
        c1, c2 = 1 - BETA1 ** t, 1 - BETA2 ** t
        with torch.no_grad():
            self.m.mul_(BETA1).add_((1 - BETA1) * grad)
            self.v.mul_(BETA2).add_((1 - BETA2) * grad * grad)
            update = (self.m / c1) / (torch.sqrt(self.v / c2) + ADAM_EPS)
            self.theta = self.theta - lr * (update + c["weightDecay"] * self.theta)
        self.step_count += 1
        return loss_sum / b, grad_var

    def velocity(self, x, t):
        """v(x, t) of n points (float64 in, float32 network, float64 out)."""
        inp = write_input(x, np.full(x.shape[0], t), self.mlp.fourier)
        with torch.no_grad():
            out = self.mlp.forward(self.theta, torch.tensor(inp, dtype=torch.float32, device=self.device))
        return out.double().cpu().numpy()


# ---------------------------------------------------------------- evaluation (src/math/ode.ts, metrics.ts, src/engine/measure.ts)
REPRODUCTION_QUERIES, DISTANCE_PARTICLES, SLICED_PROJECTIONS, MMD_POINTS = 1024, 4096, 64, 1024


def integrate(model, start, method, steps):
    """Paths from t = 0 to 1: (steps + 1, n, D) float32, the state kept in float64 as flowvar does."""
    h = 1 / steps
    x = start.astype(np.float64)
    path = np.empty((steps + 1,) + x.shape, dtype=np.float32)
    path[0] = x
    for s in range(steps):
        t = s / steps
        k1 = model.velocity(x, t)
        if method == "euler":
            x = x + h * k1
        elif method == "heun":
            k2 = model.velocity(x + h * k1, t + h)
            x = x + (h / 2) * (k1 + k2)
        else:
            k2 = model.velocity(x + (h / 2) * k1, t + h / 2)
            k3 = model.velocity(x + (h / 2) * k2, t + h / 2)
            k4 = model.velocity(x + h * k3, t + h)
            x = x + (h / 6) * (k1 + 2 * k2 + 2 * k3 + k4)
        path[s + 1] = x
    return path


def nearest(queries, points):
    """Index of the nearest point (first on ties) and the squared distance, in chunks."""
    out = np.empty(len(queries), dtype=np.int64)
    for i in range(0, len(queries), 256):
        q = queries[i : i + 256]
        d = ((points[None, :, :] - q[:, None, :]) ** 2).sum(axis=2)
        out[i : i + 256] = d.argmin(axis=1)
    return out


def sliced_w2(a, b, seed):
    total, used = 0.0, 0
    for k in range(SLICED_PROJECTIONS):
        w0, w1, _, _ = pcg4d(seed, STREAM["slice"], 0, k)
        g0, g1 = (float(v) for v in box_muller(w0, w1))
        norm = math.hypot(g0, g1)
        if not norm > 0:
            continue
        pa = np.sort(a[:, 0] * (g0 / norm) + a[:, 1] * (g1 / norm))
        pb = np.sort(b[:, 0] * (g0 / norm) + b[:, 1] * (g1 / norm))
        total += float(((pa - pb) ** 2).sum()) / len(a)
        used += 1
    return math.sqrt(total / used) if used else None


def mmd(a, b):
    """Unbiased MMD^2 (U-statistic: no self-pairs, so sets of different sizes compare fairly) with a
    Gaussian kernel whose width is the median distance within b; near 0 (either sign) when a and b match."""
    a, b = torch.tensor(a[:MMD_POINTS]), torch.tensor(b[:MMD_POINTS])
    daa, dbb, dab = torch.cdist(a, a) ** 2, torch.cdist(b, b) ** 2, torch.cdist(a, b) ** 2
    h2 = float(dbb[dbb > 0].median()) if (dbb > 0).any() else 1.0
    within = lambda d2: float((torch.exp(-d2 / h2).sum() - len(d2)) / (len(d2) * (len(d2) - 1)))
    return within(daa) + within(dbb) - 2 * float(torch.exp(-dab / h2).mean())


def evaluate(model, world, extra):
    """The metrics of flowvar's measure() (2-D ones null at D > 2), plus the D-dim ones of `extra`."""
    c = model.c
    x0, x1 = model.x0, model.x1
    n, dim = x0.shape
    q = min(n, REPRODUCTION_QUERIES)
    train_end = integrate(model, x0[:q].astype(np.float32), c["integrator"], c["odeSteps"])[-1].astype(np.float64)
    fresh0 = sample_points(world["source"], c["seed"], STREAM["fresh"], 0, np.arange(c["particles"]), dim).astype(np.float32)
    path = integrate(model, fresh0, c["integrator"], c["odeSteps"])
    hits = nearest(train_end, x1) == np.arange(q)
    partner = np.sqrt(((x1[:q] - train_end) ** 2).sum(axis=1))
    m = min(c["particles"], DISTANCE_PARTICLES)
    sub = path[:, :m].astype(np.float64)
    start, end = sub[0], sub[-1]
    chord = end - start
    vel = (sub[1:] - sub[:-1]) * c["odeSteps"]
    row = dict(
        reproduction=float(hits.mean()), chance=1 / n, partnerDistance=float(partner.mean()),
        slicedW2=None, gaussianW2=None, otCost=None,
        straightness=float(((chord[None] - vel) ** 2).sum(axis=2).mean()),
        transportCost=float((chord ** 2).sum(axis=1).mean()),
    )
    tgt, src = world["target"], world["source"]
    if dim == 2 and extra.get("data") is None:
        reference = sample_points(tgt, c["seed"], STREAM["evalTarget"], 0, np.arange(m))
        row["slicedW2"] = sliced_w2(end, reference, c["seed"])
        if tgt["kind"] == "gaussian":
            mean = end.mean(axis=0)
            d = end - mean
            cov = ((d[:, 0] * d[:, 0]).sum() / m, (d[:, 0] * d[:, 1]).sum() / m, (d[:, 0] * d[:, 1]).sum() / m, (d[:, 1] * d[:, 1]).sum() / m)
            row["gaussianW2"] = math.sqrt(w2_gaussian_sq(tuple(mean), cov, tgt["mean"], spec_cov(tgt)))
            if src["kind"] == "gaussian":
                row["otCost"] = w2_gaussian_sq(src["mean"], spec_cov(src), tgt["mean"], spec_cov(tgt))
    if extra.get("dims"):
        ot_target = extra["ot_partner"](x0[:q], x1)
        fresh_target = extra["fresh_target"](m)
        row.update(
            dim=dim,
            pairedL2=float(partner.mean()),
            otPairedL2=float(np.sqrt(((ot_target - train_end) ** 2).sum(axis=1)).mean()),
            mmdFresh=None if fresh_target is None else mmd(end, fresh_target),
            mmdTrain=mmd(end, x1),
        )
    return row


# ---------------------------------------------------------------- D dimensions and your own data (docs/math.md)
def hungarian(cost):
    """Minimum-cost assignment of a square cost matrix (shortest augmenting paths, O(n^3))."""
    n = cost.shape[0]
    u, v = np.zeros(n + 1), np.zeros(n + 1)
    p = np.zeros(n + 1, dtype=np.int64)
    way = np.zeros(n + 1, dtype=np.int64)
    big = np.full((n + 1, n + 1), 0.0)
    big[1:, 1:] = cost
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = np.full(n + 1, np.inf)
        used = np.zeros(n + 1, dtype=bool)
        while True:
            used[j0] = True
            i0 = p[j0]
            cur = big[i0, 1:] - u[i0] - v[1:]
            free = ~used[1:]
            better = free & (cur < minv[1:])
            minv[1:][better] = cur[better]
            way[1:][better] = j0
            cand = np.where(free, minv[1:], np.inf)
            j1 = int(cand.argmin()) + 1
            delta = cand[j1 - 1]
            u[p[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    match = np.empty(n, dtype=np.int64)
    match[p[1:] - 1] = np.arange(n)
    return match


MAX_DISCRETE_OT = 2048


def discrete_ot(x0, x1):
    """x1 reordered so that row i is x0[i]'s partner under the exact squared-distance OT assignment."""
    cost = ((x0[:, None, :] - x1[None, :, :]) ** 2).sum(axis=2)
    return x1[hungarian(cost)]


def load_data(path):
    """Targets N x D from .npy, .pt or .csv; exit 2 with the reason when they cannot be used."""
    try:
        if path.endswith(".npy"):
            data = np.load(path, allow_pickle=False)
        elif path.endswith(".pt"):
            load_torch()
            data = torch.load(path, map_location="cpu")
            data = data.detach().cpu().numpy() if torch.is_tensor(data) else np.asarray(data)
        elif path.endswith(".csv"):
            data = np.loadtxt(path, delimiter=",", ndmin=2)
        else:
            fail(f"--data {path}: use a .npy, .pt or .csv file (N rows x D columns)")
    except SystemExit:
        raise
    except Exception as e:  # unreadable: say why
        fail(f"--data {path}: cannot read it ({str(e).splitlines()[0] if str(e) else type(e).__name__})")
    try:
        data = np.asarray(data, dtype=np.float64)
    except (TypeError, ValueError):
        fail(f"--data {path}: not a numeric array")
    if data.ndim != 2:
        fail(f"--data {path}: expected N x D (2 axes), got shape {tuple(data.shape)}")
    if data.shape[0] < 2:
        fail(f"--data {path}: needs at least 2 rows, has {data.shape[0]}")
    if data.shape[1] < 2:
        fail(f"--data {path}: needs D >= 2 columns, has {data.shape[1]}")
    bad = ~np.isfinite(data).all(axis=1)
    if bad.any():
        fail(f"--data {path}: row {int(np.argmax(bad))} holds NaN or infinity ({int(bad.sum())} such rows)")
    return data


def build_world(c, dim, data):
    """The world spec, the training pairs and the D-dim helpers (OT partner, fresh targets)."""
    world = dict(source=side_spec(c, "source"), target=side_spec(c, "target"), coupling=c["coupling"],
                 phi=c["phi"], pairs=c["pairs"], userPairs=c["userPairs"])
    extra = dict(dims=False, data=None)
    if data is not None:
        coupling = c["coupling"]
        if coupling not in ("independent", "ot"):
            fail(f"--data trains under the independent (shuffled) or ot coupling, not {coupling}")
        # a fixed shuffle of the rows: the first `pairs` train, the rest are held out (fresh targets)
        order = shuffled(data.shape[0], c["seed"])
        n = min(c["pairs"], data.shape[0])
        train, held_out = data[order[:n]], data[order[n:]]
        x0 = sample_points(world["source"], c["seed"], STREAM["source"], 0, np.arange(n), dim)
        if coupling == "independent":
            x1 = train  # x0 and the shuffled rows are independent: the paper's shuffled pairing
        else:
            if n > MAX_DISCRETE_OT:
                fail(f"--data with coupling=ot pairs by exact assignment, at most {MAX_DISCRETE_OT} rows (has {n})")
            x1 = discrete_ot(x0, train)
        pairs = (x0, x1)
        extra.update(data=data, fresh_target=lambda m: held_out[:m] if len(held_out) >= 2 else None)
    else:
        pairs = make_pairs(world, c["seed"], dim)
        extra["fresh_target"] = lambda m: sample_points(world["target"], c["seed"], STREAM["evalTarget"], 0, np.arange(m), dim)
    if data is None and world["source"]["kind"] == "gaussian" and world["target"]["kind"] == "gaussian":
        # Gaussians: the OT partner of x0 in closed form (the population's OT map)
        _, m = coupling_blocks(dict(world, coupling="ot"), dim)
        mu0 = np.zeros(dim); mu0[:2] = world["source"]["mean"]
        mu1 = np.zeros(dim); mu1[:2] = world["target"]["mean"]
        extra["ot_partner"] = lambda a, x1: (a - mu0) @ m.T + mu1
    else:
        # the OT-paired training target: exact assignment over the first (at most MAX_DISCRETE_OT) pairs
        def ot_partner(a, x1):
            k = min(len(a), MAX_DISCRETE_OT)
            return np.concatenate([discrete_ot(a[:k], x1[:k]), x1[k : len(a)]])
        extra["ot_partner"] = ot_partner
    return world, pairs, extra


# ---------------------------------------------------------------- weights file (src/link/weightsFile.ts)
def f32_list(t):
    return "[" + ",".join(str(x) for x in t.detach().cpu().numpy().astype(np.float32)) + "]"


def save_weights(path, model, link):
    text = "{" + ",".join([
        f'"format":{json.dumps(WEIGHTS_FORMAT)}', f'"version":{WEIGHTS_VERSION}', f'"link":{json.dumps(link)}',
        f'"step":{model.step_count}', f'"config":{json.dumps(model.c, separators=(",", ":"))}',
        f'"paramCount":{model.mlp.param_count}', f'"theta":{f32_list(model.theta)}', f'"m":{f32_list(model.m)}',
        f'"v":{f32_list(model.v)}', f'"dim":{model.mlp.dim}',
    ]) + "}"
    with open(path, "w") as f:
        f.write(text)


def load_weights(path, model):
    try:
        with open(path) as f:
            o = json.load(f)
    except (OSError, ValueError) as e:
        fail(f"--resume {path}: cannot read it ({e})")
    if not isinstance(o, dict) or o.get("format") != WEIGHTS_FORMAT:
        fail(f"--resume {path}: not a flowvar weights file")
    if o.get("version") not in (1, 2):
        fail(f"--resume {path}: version {o.get('version')!r} is not 1 or 2")
    count = model.mlp.param_count

    def floats(name, low=-math.inf):
        a = o.get(name)
        if not isinstance(a, list) or len(a) != count or not all(isinstance(x, (int, float)) and math.isfinite(x) and x >= low for x in a):
            fail(f"--resume {path}: {name} is not {count} finite numbers (this link's network has {count} parameters)")
        return torch.tensor(a, dtype=torch.float32, device=model.device)

    model.theta = floats("theta")
    if o["version"] == 2:
        model.m, model.v = floats("m"), floats("v", 0)
    else:
        print("# a version-1 file: Adam's moments start from zero", file=sys.stderr)
    step = o.get("step")
    model.step_count = step if isinstance(step, int) and step >= 0 else 0


# ---------------------------------------------------------------- rows, links and the command line
def js_number(x):
    """JavaScript's String(x) for a finite double (flowvar's links write numbers this way)."""
    if x == 0:
        return "-0" if math.copysign(1, x) < 0 else "0"
    sign, digits, exp = Decimal(repr(float(x))).as_tuple()
    ds = "".join(map(str, digits)).lstrip("0")
    stripped = ds.rstrip("0")
    exp += len(ds) - len(stripped)
    ds, k = stripped, len(stripped)
    n = exp + k  # x = 0.ds * 10^n
    s = "-" if sign else ""
    if k <= n <= 21:
        return s + ds + "0" * (n - k)
    if 0 < n <= 21:
        return s + ds[:n] + "." + ds[n:]
    if -6 < n <= 0:
        return s + "0." + "0" * -n + ds
    e = n - 1
    return s + ds[0] + ("." + ds[1:] if k > 1 else "") + "e" + ("+" if e > 0 else "-") + str(abs(e))


def link_of(c):
    """flowvar's encodeConfig(): v, seed, then every setting that differs from its default."""
    parts = [f"v={URL_VERSION}", f"seed={c['seed']}"]
    for key, default in FIELD_DEFAULTS.items():
        value = c[key]
        if key == "seed" or value == default and not (isinstance(value, float) and math.copysign(1, value) != math.copysign(1, default)):
            continue
        if key in COMPACT_TEXT:
            text = COMPACT_TEXT[key]
        elif isinstance(value, bool):
            text = "true" if value else "false"
        elif isinstance(value, (int, float)):
            text = js_number(value)
        else:
            text = str(value)
        parts.append(f"{key}={text}")
    return "&".join(parts)


def clean(x):
    return None if isinstance(x, float) and not math.isfinite(x) else x


def json_row(row, keys):
    return json.dumps({k: clean(row.get(k)) for k in keys}, separators=(",", ":"), allow_nan=False)


def device_name(device):
    if device.type == "cuda":
        return f"{device} {torch.cuda.get_device_name(device)} (torch {torch.__version__.split('+')[0]})"
    return f"cpu (torch {'.'.join(map(str, _TORCH))}, {torch.get_num_threads()} threads)"


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="run.py", description=f"The flowvar run of {LINK} in PyTorch (see the docstring at the top).",
        epilog="At D > 2 slicedW2, gaussianW2 and otCost are null: flowvar measures them in 2-D only. "
               "With --dim or --data each row adds dim, pairedL2, otPairedL2, mmdFresh, mmdTrain.")
    p.add_argument("--steps", type=int, default=None, help="steps to train (default: the link's steps)")
    p.add_argument("--eval-every", type=int, default=None, help="evaluate every K steps as well as at the end")
    p.add_argument("--device", default="cpu", help="cpu (default), cuda or cuda:N")
    p.add_argument("--threads", type=int, default=None, help="CPU threads of torch (default: torch's choice)")
    p.add_argument("--dim", type=int, default=None, help="train in D dimensions (docs/math.md of flowvar); D >= 2")
    p.add_argument("--data", default=None, help="your own targets: .npy, .pt or .csv, N rows x D columns")
    p.add_argument("--sigmas", default=None, help="comma-separated sigmas: one model per sigma (and seed)")
    p.add_argument("--seeds", type=int, default=None, help="S seeds per sigma: the link's seed, seed + 1, ...; then mean and std rows")
    p.add_argument("--save", default=None, help="write flowvar's weights file (version 2) at the end")
    p.add_argument("--resume", default=None, help="continue from a flowvar weights file (the page's 'Save weights')")
    p.add_argument("--log-every", type=int, default=None, help="print '# step N loss L gradVar V' on stderr every K steps")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    try:
        a = p.parse_args(argv)
    except SystemExit as e:
        sys.exit(0 if e.code == 0 else 2)
    if a.steps is not None and a.steps < 0:
        fail("--steps must be >= 0")
    if a.eval_every is not None and a.eval_every < 1:
        fail("--eval-every must be >= 1")
    if a.dim is not None and a.dim < 2:
        fail(f"--dim {a.dim}: the dimension must be at least 2")
    if a.seeds is not None and a.seeds < 1:
        fail("--seeds must be >= 1")
    if a.sigmas is not None:
        try:
            a.sigmas = [float(s) for s in a.sigmas.split(",") if s.strip() != ""]
        except ValueError:
            fail(f"--sigmas {a.sigmas!r}: give numbers separated by commas, e.g. 0,0.05,0.3")
        if not a.sigmas or any(not (0 <= s <= 2) for s in a.sigmas):
            fail("--sigmas: each sigma must lie in 0 ... 2 (flowvar's range)")
    if (a.sigmas or a.seeds) and (a.save or a.resume):
        fail("--save and --resume take one model: leave out --sigmas and --seeds")
    if a.log_every is not None and a.log_every < 1:
        fail("--log-every must be >= 1")
    if a.threads is not None and a.threads < 1:
        fail("--threads must be >= 1")
    return a


class Progress:
    def __init__(self, quiet, prefix=""):
        self.quiet, self.prefix, self.last = quiet, prefix, time.perf_counter()

    def say(self, text, force=False):
        now = time.perf_counter()
        if not self.quiet and (force or now - self.last >= 2):
            print(f"# progress: {self.prefix}{text}", file=sys.stderr, flush=True)
            self.last = now


def run_model(c, dim, data, dim_keys, device, total, every, group, progress, label, resume=None, save=None, log_every=None):
    """Trains one model to `total` steps, yielding a row per evaluation (only rank 0 of `group` evaluates)."""
    world, pairs, extra = build_world(c, dim, data)
    extra["dims"] = dim_keys
    model = Model(c, pairs, dim, device, group)
    if resume:
        load_weights(resume, model)
    rank = dist.get_rank() if group is not None else 0
    at = [s for s in range(every, total, every)] if every else []
    at = [s for s in at if s > model.step_count] + [total]
    loss, grad_var = None, None
    link = link_of(c)
    for target in at:
        t0, n = time.perf_counter(), target - model.step_count
        while model.step_count < target:
            loss, grad_var = model.train_step()
            if log_every and model.step_count % log_every == 0 and rank == 0:
                print(f"# {label}step {model.step_count} loss {loss!r} gradVar {grad_var!r}", file=sys.stderr, flush=True)
            progress.say(f"{label}step {model.step_count}/{total} loss {loss:.4g}")
        if device.type == "cuda":
            torch.cuda.synchronize(device)
        seconds = time.perf_counter() - t0
        if rank == 0:
            progress.say(f"{label}step {model.step_count}/{total}, evaluating", force=False)
            row = dict(step=model.step_count, loss=loss, gradVar=grad_var, stepsPerSec=n / seconds if n > 0 and seconds > 0 else None)
            row.update(evaluate(model, world, extra))
            row.update(run=label.strip() or None, seed=c["seed"], sigma=c["sigma"], link=link, engine="pytorch",
                       device=device_name(device), version=FLOWVAR_VERSION, corrections=CORRECTIONS)
            yield row
    if save and rank == 0:
        save_weights(save, model, link)



def summary_rows(rows, keys):
    """Per sigma: the mean and the standard deviation (n - 1) over seeds of every numeric key."""
    out = []
    for sigma in dict.fromkeys(r["sigma"] for r in rows):
        group = [r for r in rows if r["sigma"] == sigma]
        for stat in ("mean", "std"):
            row = dict(group[0], run=stat, seed=None, link=link_of(dict(CONFIG, sigma=sigma)))
            for k in keys:
                vals = [r.get(k) for r in group]
                if k in ("step", "dim", "run", "seed", "sigma", "link", "engine", "device", "version", "corrections"):
                    continue
                if any(not isinstance(v, (int, float)) or isinstance(v, bool) or v is None for v in vals):
                    row[k] = None
                    continue
                a = np.asarray(vals, dtype=np.float64)
                row[k] = float(a.mean()) if stat == "mean" else (float(a.std(ddof=1)) if len(a) > 1 else 0.0)
            out.append(row)
    return out


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    data = load_data(a.data) if a.data else None
    dim = a.dim or (data.shape[1] if data is not None else 2)
    if data is not None and data.shape[1] != dim:
        fail(f"--data has D = {data.shape[1]} columns but --dim is {dim}")
    load_torch()
    if a.threads:
        torch.set_num_threads(a.threads)
    dim_keys = a.dim is not None or data is not None
    keys = ROW_KEYS + (DIM_KEYS if dim_keys else [])
    total = CONFIG["steps"] if a.steps is None else a.steps
    if total == 0:
        fail("the link has steps=0 (train until paused): give --steps N")

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    device = torch.device(a.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        fail("--device cuda: torch sees no CUDA device")
    if distributed:
        local = int(os.environ.get("LOCAL_RANK", "0"))
        if device.type == "cuda":
            device = torch.device("cuda", local)
            torch.cuda.set_device(device)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
    rank, size = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
    if a.seeds is None and a.sigmas is not None and CONFIG["seeds"] > 1:
        a.seeds = CONFIG["seeds"]  # the link's seeds=K: K seeds per sigma of a sweep, as on the page
    sweep = a.sigmas is not None or a.seeds is not None
    # one model: only rank 0 reports (the ranks share its steps); a sweep: each rank its own models
    progress = Progress(a.quiet or (rank != 0 and not sweep), f"[rank {rank}] " if distributed else "")
    if rank == 0 and not a.quiet:
        print(f"# flowvar export {LINK} --steps {total} ({device_name(device)}, {size} process{'es' if size > 1 else ''})", file=sys.stderr)

    if not sweep:
        # one model; under torchrun every rank computes its share of the global batch
        group = dist.group.WORLD if distributed else None
        if CONFIG["batch"] < size:
            fail(f"batch {CONFIG['batch']} is smaller than the {size} processes")
        for row in run_model(dict(CONFIG), dim, data, dim_keys, device, total, a.eval_every, group, progress, "", a.resume, a.save, a.log_every):
            print(json_row(row, keys), flush=True)
    else:
        sigmas = a.sigmas if a.sigmas is not None else [CONFIG["sigma"]]
        seeds = [CONFIG["seed"] + s for s in range(a.seeds or 1)]
        models = [(sg, sd) for sg in sigmas for sd in seeds]
        mine = []
        for i, (sg, sd) in enumerate(models):
            if i % size != rank:
                continue
            c = dict(CONFIG, sigma=sg, seed=sd)
            label = f"sigma={js_number(sg)} seed={sd} "
            for row in run_model(c, dim, data, dim_keys, device, total, a.eval_every, None, progress, label, log_every=a.log_every):
                mine.append((i, row))
                if not distributed:
                    print(json_row(row, keys), flush=True)
        if distributed:
            gathered = [None] * size
            dist.all_gather_object(gathered, mine)
            mine = sorted((r for part in gathered for r in part), key=lambda ir: (ir[0], ir[1]["step"]))
            if rank == 0:
                for _, row in mine:
                    print(json_row(row, keys), flush=True)
        if rank == 0:
            last = [r for i, r in mine if r["step"] == total]
            summary = summary_rows(last, keys)
            for row in summary:
                print(json_row(row, keys), flush=True)
            if not a.quiet:
                show = ["reproduction", "gradVar"] + (["mmdFresh", "mmdTrain"] if len(keys) > len(ROW_KEYS) else [])
                print(f"# {'sigma':>8} " + " ".join(f"{k:>22}" for k in show), file=sys.stderr)
                for mean, std in zip(summary[0::2], summary[1::2]):
                    cells = " ".join(f"{'-':>22}" if mean[k] is None else f"{mean[k]:>10.4g} ± {std[k]:<9.3g}" for k in show)
                    print(f"# {js_number(mean['sigma']):>8} {cells}", file=sys.stderr)
    if distributed:
        dist.barrier()
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
