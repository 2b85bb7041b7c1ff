"""PyTorch's LayerNorm and BatchNorm1d on fixed inputs, in float64: the reference values pinned in
Properties/Core/Layers/NormReferenceTests.cs (issue 14). Run by hand: python3 bench/reference/norms.py"""
import torch

torch.set_printoptions(precision=12)
d = torch.float64
x = torch.tensor([[0.5, -1.25, 2.0, 0.75], [3.0, 1.5, -0.5, -2.0], [-1.0, 0.25, 0.125, 4.0]], dtype=d, requires_grad=True)
c = torch.tensor([[1.0, -2.0, 0.5, 0.25], [0.5, 1.0, -1.5, 2.0], [-0.75, 0.5, 1.0, -1.0]], dtype=d)

ln = torch.nn.LayerNorm(4, eps=1e-5, dtype=d)
with torch.no_grad():
    ln.weight.copy_(torch.tensor([1.5, -0.5, 2.0, 1.0], dtype=d))
    ln.bias.copy_(torch.tensor([0.1, 0.2, -0.3, 0.4], dtype=d))
y = ln(x)
(y * c).sum().backward()
print("layer norm y", y.detach().flatten().tolist())
print("layer norm dx", x.grad.flatten().tolist())
print("layer norm dgamma", ln.weight.grad.tolist())
print("layer norm dbeta", ln.bias.grad.tolist())

x.grad = None
bn = torch.nn.BatchNorm1d(4, eps=1e-5, momentum=0.1, dtype=d)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.5, -0.5, 2.0, 1.0], dtype=d))
    bn.bias.copy_(torch.tensor([0.1, 0.2, -0.3, 0.4], dtype=d))
bn.train()
y = bn(x)
(y * c).sum().backward()
print("batch norm y", y.detach().flatten().tolist())
print("batch norm dx", x.grad.flatten().tolist())
print("batch norm dgamma", bn.weight.grad.tolist())
print("batch norm dbeta", bn.bias.grad.tolist())
# the running statistics after three training batches (the first is x), then an evaluation pass of x
with torch.no_grad():
    bn(x * 2 + 1)
    bn(x[:2] - 3)
print("batch norm running mean", bn.running_mean.tolist())
print("batch norm running var", bn.running_var.tolist())
bn.eval()
print("batch norm eval y", bn(x).detach().flatten().tolist())
