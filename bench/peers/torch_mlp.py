"""PyTorch peer of `pure bench`: the same recipes, timed the same way (a warm-up, then the median of rounds).

Run by bench/compare (never by .ci/run). Prints one JSON object: the figures, torch's thread count and the
BLAS kernel threadpoolctl reports.
"""
import json, sys

from timing import blas_setting, median_seconds

import torch
import torch.nn as nn

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)  # best here: 1 torch thread, BLAS's own 2
torch.manual_seed(0)


# the flagship: 60 000 × 784 standard normal rows, labels from a fixed random linear map, 784-256-128-10 ReLU, Adam 1e-3
x = torch.randn(60000, 784)
labels = (x @ torch.randn(784, 10)).argmax(1)
def flagship(batch):
    net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss = nn.CrossEntropyLoss()
    order = torch.randperm(60000)
    def epoch():
        for s in range(0, 60000, batch):
            idx = order[s:s + batch]
            opt.zero_grad(set_to_none=True)
            loss(net(x[idx]), labels[idx]).backward()
            opt.step()
    return median_seconds(epoch, rounds)

def toy(layer_sizes, activation, data, targets, optimiser, epochs):
    def run():
        layers = []
        for i in range(len(layer_sizes) - 1):
            layers.append(nn.Linear(layer_sizes[i], layer_sizes[i + 1]))
            if i < len(layer_sizes) - 2:
                layers.append(activation())
        net = nn.Sequential(*layers)
        opt = optimiser(net.parameters())
        loss = nn.BCEWithLogitsLoss()
        for _ in range(epochs):
            opt.zero_grad(set_to_none=True)
            loss(net(data), targets).backward()
            opt.step()
    return median_seconds(run, rounds)

xor_x = torch.tensor([[0., 0.], [0., 1.], [1., 0.], [1., 1.]])
xor_y = torch.tensor([[0.], [1.], [1.], [0.]])
moons_x = torch.randn(500, 2)
moons_y = (moons_x[:, :1] > 0).float()

def gemm_gflops(m, n, k):
    a, b = torch.rand(m, k), torch.rand(n, k)
    repeats = max(1, min(200, int(2e9 / (2 * m * n * k))))
    def run():
        for _ in range(repeats):
            a @ b.T
    return 2 * m * n * k * repeats / median_seconds(run, rounds) / 1e9

figures = {
    "epoch_seconds": flagship(64),
    "epoch_seconds_b256": flagship(256),
    "gemm_gflops_1024": gemm_gflops(1024, 1024, 1024),
    "gemm_gflops_step": gemm_gflops(64, 256, 784),
    "xor_seconds": toy([2, 4, 1], nn.Sigmoid, xor_x, xor_y, lambda p: torch.optim.SGD(p, lr=1.0), 2000),
    "moons_seconds": toy([2, 32, 32, 16, 1], nn.ReLU, moons_x, moons_y, lambda p: torch.optim.Adam(p, lr=0.01), 1000),
}
figures["setting"] = f"torch {torch.__version__}, {torch.get_num_threads()} torch thread(s); BLAS: {blas_setting()}"
print(json.dumps(figures))
