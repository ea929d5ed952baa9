"""Makes the small ONNX networks the model module's tests load (run with Debian's python3-torch:
/usr/bin/python3 make_networks.py). Their weights are fixed numbers, which OnnxNetworkTest recomputes by hand.

affine-eps.onnx      float32, inputs x [N, 2] and t [N, 1]: out = x W + t c + bias
affine-notime.onnx   float64, input x [N, 2] only:          out = x W + bias
"""
import torch

W = [[0.5, -0.25], [0.125, 2.0]]
C = [0.01, -0.02]
BIAS = [0.1, -0.3]


class WithTime(torch.nn.Module):
    def __init__(self, dtype):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor(W, dtype=dtype))
        self.c = torch.nn.Parameter(torch.tensor([C], dtype=dtype))
        self.bias = torch.nn.Parameter(torch.tensor(BIAS, dtype=dtype))

    def forward(self, x, t):
        return x @ self.w + t * self.c + self.bias


class WithoutTime(torch.nn.Module):
    def __init__(self, dtype):
        super().__init__()
        self.w = torch.nn.Parameter(torch.tensor(W, dtype=dtype))
        self.bias = torch.nn.Parameter(torch.tensor(BIAS, dtype=dtype))

    def forward(self, x):
        return x @ self.w + self.bias


def export(module, inputs, names, path):
    axes = {name: {0: "n"} for name in names + ["out"]}
    torch.onnx.export(module, inputs, path, input_names=names, output_names=["out"], dynamic_axes=axes,
                      opset_version=13)


export(WithTime(torch.float32), (torch.zeros(3, 2), torch.zeros(3, 1)), ["x", "t"], "affine-eps.onnx")
export(WithoutTime(torch.float64), (torch.zeros(3, 2, dtype=torch.float64),), ["x"], "affine-notime.onnx")
