#!/usr/bin/env bash
# On the GPU machine (no .NET there): Pure on the NVIDIA OpenCL driver and PyTorch on CUDA, one after the other in
# the same run, then the side-by-side table with the ratios. Writes everything under $OUT (or ./gpu-results).
# Prepared and copied by bench/gpu/run; see bench/README.md.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${OUT:-$PWD/gpu-results}"
mkdir -p "$out"
rounds="${ROUNDS:-3}"
py="${PYTHON:-python3}" # the GPU machine's python has PyTorch with CUDA
bash "$here/run.sh" "$here/pure/pure" devices > "$out/devices.txt" 2>&1
cat "$out/devices.txt"
# Pure: the flagship epochs, the GEMMs, the toys (synthetic data: the machine has no datasets)
timeout 420 bash "$here/run.sh" "$here/pure/pure" bench --device opencl --rounds "$rounds" --no-scaling --json "$out/pure.json" > "$out/pure.txt" 2>&1
echo "pure bench: exit $?"; cat "$out/pure.txt"
timeout 240 "$py" "$here/torch_cuda.py" "$rounds" > "$out/torch.json" 2> "$out/torch.err"
echo "torch: exit $?"; cat "$out/torch.json"; tail -3 "$out/torch.err"
"$py" - "$out" <<'PY' | tee "$out/table.md"
import json, sys
out = sys.argv[1]
try:
    pure, torch = json.load(open(f"{out}/pure.json")), json.load(open(f"{out}/torch.json"))
except Exception as e:
    sys.exit(f"no table: {e}")
print(f"GPU: {torch['device']}; torch {torch['torch']}, TF32 off\n")
print("| figure | Pure (OpenCL) | PyTorch eager | Pure / eager | PyTorch CUDA graph | Pure / graph |")
print("|---|---|---|---|---|---|")
for b, key in ((64, "epoch_seconds"), (256, "epoch_seconds_b256"), (1024, "epoch_seconds_b1024")):
    p, e, g = pure[key], torch[f"eager_epoch_seconds_b{b}"], torch.get(f"graph_epoch_seconds_b{b}")
    print(f"| epoch s, batch {b} | {p:.4f} | {e:.4f} | {p / e:.3f} | {'—' if g is None else f'{g:.4f}'} | {'—' if g is None else f'{p / g:.3f}'} |")
for n in (1024, 2048, 4096):
    p, t = pure[f"gemm_gflops_{n}"] / 1000, torch[f"gemm_tflops_{n}"]
    print(f"| GEMM {n}³ TFLOP/s | {p:.2f} | {t:.2f} (cuBLAS) | {p / t:.3f} of cuBLAS | | |")
PY
