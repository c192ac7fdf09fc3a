#!/usr/bin/env python3
"""PyTorch reference row of `npm run bench -- --node` (bench/torchRow.ts): the bench's model and
step in PyTorch on one CPU thread. argv[1] is JSON {batch, width, depth, lr, targetSeconds,
warmup, maxCount}; prints one JSON line {ok, rate, count, seconds, lossFirst, lossLast, version}.

Same model as bench/suite.ts benchConfig(): MLP (x, y, t) -> depth x width SiLU -> 2, loss
mean ||u - v||^2, Adam(lr, 0.9, 0.999, 1e-8). The batch is drawn in torch every step (x0, x1
Gaussian, rotated pairing, t uniform, sigma 0.05), so like flowvar's engines each step samples,
runs forward, backward and Adam; unlike them it computes no per-sample gradient variance.
"""
import json
import re
import sys
import time

try:
    import torch
except ImportError as err:  # the caller reports the row as n/a
    print(json.dumps({"ok": False, "reason": f"n/a (python3 has no torch: {err})"}))
    sys.exit(0)


def main() -> None:
    spec = json.loads(sys.argv[1])
    torch.set_num_threads(1)
    torch.manual_seed(1)
    batch, width, depth = spec["batch"], spec["width"], spec["depth"]
    layers, fan_in = [], 3
    for _ in range(depth):
        layers += [torch.nn.Linear(fan_in, width), torch.nn.SiLU()]
        fan_in = width
    model = torch.nn.Sequential(*layers, torch.nn.Linear(fan_in, 2))
    opt = torch.optim.Adam(model.parameters(), lr=spec["lr"], betas=(0.9, 0.999), eps=1e-8)
    rot = torch.tensor([[0.0, -1.0], [1.0, 0.0]])  # rotated coupling, phi = pi/2
    pairs_x0 = torch.randn(512, 2)
    pairs_x1 = pairs_x0 @ rot.T
    sigma = 0.05

    def step() -> float:
        k = torch.randint(0, 512, (batch,))
        t = torch.rand(batch, 1)
        x0, x1 = pairs_x0[k], pairs_x1[k]
        xt = (1 - t) * x0 + t * x1 + sigma * torch.randn(batch, 2)
        u = x1 - x0
        v = model(torch.cat([xt, t], dim=1))
        loss = ((v - u) ** 2).sum(dim=1).mean()
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        return loss.item()

    first = None
    for _ in range(spec["warmup"]):
        loss = step()
        first = loss if first is None else first
    # blocks of 1, 4, 16, ... until one takes a twentieth of the target (bench/timing.ts)
    n = 1
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            last = step()
        dt = max(time.perf_counter() - t0, 1e-9)
        if dt >= spec["targetSeconds"] / 2 or n >= spec["maxCount"]:
            count, seconds = n, dt
            break
        if dt >= spec["targetSeconds"] / 20:
            count = max(n + 1, min(spec["maxCount"], round(n * spec["targetSeconds"] / dt)))
            t1 = time.perf_counter()
            for _ in range(count):
                last = step()
            seconds = max(time.perf_counter() - t1, 1e-9)
            break
        n = min(spec["maxCount"], n * 4)
    # which BLAS torch calls decides its speed (Debian's python3-torch may use the generic reference BLAS)
    blas = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    version = f"{torch.__version__}, BLAS {blas.group(1) if blas else 'unknown'}"
    print(json.dumps({"ok": True, "rate": count / seconds, "count": count, "seconds": seconds,
                      "lossFirst": first, "lossLast": last, "version": version}))


main()
