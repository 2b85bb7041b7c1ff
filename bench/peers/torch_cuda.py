"""PyTorch on CUDA, the GPU peer of `pure bench --device opencl`: the flagship epoch (784-256-128-10 ReLU, Adam 1e-3,
60 000 synthetic rows) at batch 64, 256 and 1024, eager and with the step captured in a CUDA graph (the expert
setting: a fixed sequence of kernels replayed without the host), and FP32 matrix multiplies at 1024, 2048 and
4096 with TF32 off. Prints one JSON object. Run by bench/gpu/on-device.sh, never by .ci/run; without CUDA it
runs on the CPU, only to check the script itself.
"""
import json, sys, time

import torch
import torch.nn as nn

rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
torch.backends.cuda.matmul.allow_tf32 = False
torch.backends.cudnn.allow_tf32 = False
torch.manual_seed(0)

def sync():
    if device.type == "cuda":
        torch.cuda.synchronize()

def median_seconds(run, rounds):
    run()
    sync()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        sync()
        times.append(time.perf_counter() - start)
    times.sort()
    return times[len(times) // 2]

x = torch.randn(60000, 784, device=device)
labels = (x @ torch.randn(784, 10, device=device)).argmax(1)

def model():
    net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU(), nn.Linear(128, 10)).to(device)
    return net, torch.optim.Adam(net.parameters(), lr=1e-3, capturable=device.type == "cuda"), nn.CrossEntropyLoss()

def eager(batch):
    net, opt, loss = model()
    order = torch.randperm(60000, device=device)
    def epoch():
        for s in range(0, 60000 - batch + 1, batch):
            idx = order[s:s + batch]
            opt.zero_grad(set_to_none=False)
            loss(net(x[idx]), labels[idx]).backward()
            opt.step()
    return median_seconds(epoch, rounds)

def graphed(batch):
    # the whole step (forward, backward, Adam) captured once and replayed per batch: the batch is copied into static inputs
    net, opt, loss = model()
    static_x, static_y = x[:batch].clone(), labels[:batch].clone()
    stream = torch.cuda.Stream()
    stream.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(stream):
        for _ in range(3):
            opt.zero_grad(set_to_none=False)
            loss(net(static_x), static_y).backward()
            opt.step()
    torch.cuda.current_stream().wait_stream(stream)
    graph = torch.cuda.CUDAGraph()
    opt.zero_grad(set_to_none=False)
    with torch.cuda.graph(graph):
        out = loss(net(static_x), static_y)
        out.backward()
        opt.step()
    order = torch.randperm(60000, device=device)
    def epoch():
        for s in range(0, 60000 - batch + 1, batch):
            idx = order[s:s + batch]
            static_x.copy_(x[idx])
            static_y.copy_(labels[idx])
            graph.replay()
    return median_seconds(epoch, rounds)

def gemm_tflops(n):
    a, b = torch.rand(n, n, device=device), torch.rand(n, n, device=device)
    repeats = max(1, int(2e11 / (2 * n ** 3))) if device.type == "cuda" else 1
    def run():
        for _ in range(repeats):
            a @ b.T
    return 2.0 * n ** 3 * repeats / median_seconds(run, rounds) / 1e12

figures = {"device": torch.cuda.get_device_name() if device.type == "cuda" else "cpu (no CUDA: a check of the script only)",
           "torch": torch.__version__}
for batch in (64, 256, 1024):
    figures[f"eager_epoch_seconds_b{batch}"] = eager(batch)
    if device.type == "cuda":
        figures[f"graph_epoch_seconds_b{batch}"] = graphed(batch)
for n in (1024, 2048, 4096):
    figures[f"gemm_tflops_{n}"] = gemm_tflops(n)
print(json.dumps(figures))
