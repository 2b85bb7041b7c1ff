"""NumPy peer: a from-scratch MLP in the tutorials' style (784-256-128-10 ReLU, softmax cross-entropy, Adam 1e-3,
batch 64), one epoch timed after a warm-up; and the CSV figure: numpy.loadtxt and pandas.read_csv on a file.

Run by bench/compare: numpy_mlp.py ROUNDS CSV. Prints one JSON object.
"""
import json, os, sys

from timing import blas_setting, median_seconds

import numpy as np

rounds, csv = int(sys.argv[1]), sys.argv[2]


rng = np.random.default_rng(0)
x = rng.standard_normal((60000, 784), dtype=np.float32)
labels = (x @ rng.standard_normal((784, 10), dtype=np.float32)).argmax(1)
sizes = [784, 256, 128, 10]
w = [(rng.standard_normal((sizes[i], sizes[i + 1])) * np.sqrt(2 / sizes[i])).astype(np.float32) for i in range(3)]
b = [np.zeros(sizes[i + 1], np.float32) for i in range(3)]
params = w + b
m = [np.zeros_like(p) for p in params]
v = [np.zeros_like(p) for p in params]
step = [0]

def epoch(batch=64):
    order = rng.permutation(60000)
    for s in range(0, 60000, batch):
        idx = order[s:s + batch]
        a = [x[idx]]
        for i in range(3):
            z = a[-1] @ w[i] + b[i]
            a.append(np.maximum(z, 0) if i < 2 else z)
        z = a[-1] - a[-1].max(1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(1, keepdims=True)
        p[np.arange(len(idx)), labels[idx]] -= 1
        d = p / len(idx)
        gw, gb = [None] * 3, [None] * 3
        for i in (2, 1, 0):
            gw[i] = a[i].T @ d
            gb[i] = d.sum(0)
            if i:
                d = (d @ w[i].T) * (a[i] > 0)
        step[0] += 1
        t = step[0]
        for j, g in enumerate(gw + gb):
            m[j] = 0.9 * m[j] + 0.1 * g
            v[j] = 0.999 * v[j] + 0.001 * g * g
            params[j] -= 1e-3 * (m[j] / (1 - 0.9 ** t)) / (np.sqrt(v[j] / (1 - 0.999 ** t)) + 1e-8)

def gemm_gflops(mm, n, k):
    a, bb = rng.random((mm, k), dtype=np.float32), rng.random((n, k), dtype=np.float32)
    repeats = max(1, min(200, int(2e9 / (2 * mm * n * k))))
    def run():
        for _ in range(repeats):
            a @ bb.T
    return 2 * mm * n * k * repeats / median_seconds(run, rounds) / 1e9

size = os.path.getsize(csv) / 1e6
figures = {
    "epoch_seconds": median_seconds(epoch, rounds),
    "gemm_gflops_1024": gemm_gflops(1024, 1024, 1024),
    "gemm_gflops_step": gemm_gflops(64, 256, 784),
    "csv_mb_per_s_loadtxt": size / median_seconds(lambda: np.loadtxt(csv, delimiter=",", skiprows=1, dtype=np.float32), rounds, warmups=0),
}
try:
    import pandas as pd
    figures["csv_mb_per_s_pandas"] = size / median_seconds(lambda: pd.read_csv(csv, dtype=np.float32, engine="c"), rounds, warmups=0)
except ImportError:
    pass
figures["setting"] = f"numpy {np.__version__}; BLAS: {blas_setting()}"
print(json.dumps(figures))
