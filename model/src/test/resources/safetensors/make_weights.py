"""Makes tiny-mlp.safetensors and tiny-mlp-expected.csv for SafetensorsMlpTest (run with Debian's python3-torch:
/usr/bin/python3 make_weights.py). The network is the template's MLPDenoiser of docs/science.md §7.3 (state-dict
keys network.0, network.{1..L}.ff, network.{L+2}) at width 16 and 2 blocks, with seeded random weights; the file is
written by hand in the safetensors layout (8-byte little-endian header length, JSON header, raw little-endian
buffers), and the CSV holds the network's output at a few points, computed here in float64 from the same weights.
"""
import json
import math
import struct

import torch
from torch import nn


class SinusoidalEmbedding(nn.Module):
    def __init__(self, size, scale):
        super().__init__()
        self.size, self.scale = size, scale

    def forward(self, u):
        half = self.size // 2
        omega = torch.exp(-math.log(10000.0) * torch.arange(half, dtype=u.dtype) / (half - 1))
        z = self.scale * u.unsqueeze(-1) * omega
        return torch.cat((torch.sin(z), torch.cos(z)), dim=-1)


class ResidualBlock(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.ff = nn.Linear(width, width)

    def forward(self, h):
        return h + self.ff(torch.relu(h))


class MLPDenoiser(nn.Module):
    def __init__(self, embedding=128, width=16, blocks=2):
        super().__init__()
        self.input_mlp1 = SinusoidalEmbedding(embedding, 25.0)
        self.input_mlp2 = SinusoidalEmbedding(embedding, 25.0)
        self.time_mlp = SinusoidalEmbedding(embedding, 1.0)
        self.network = nn.Sequential(nn.Linear(3 * embedding, width), *[ResidualBlock(width) for _ in range(blocks)],
                                     nn.ReLU(), nn.Linear(width, 2))

    def forward(self, x, t):
        emb = torch.cat((self.input_mlp1(x[:, 0]), self.input_mlp2(x[:, 1]), self.time_mlp(t)), dim=-1)
        return self.network(emb)


torch.manual_seed(4)
model = MLPDenoiser()
tensors = {name: value.detach().to(torch.float32).contiguous() for name, value in model.state_dict().items()}

header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
for name, value in tensors.items():
    raw = value.numpy().astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(value.shape), "data_offsets": [offset, offset + len(raw)]}
    offset += len(raw)
    blobs.append(raw)
text = json.dumps(header).encode("utf-8")
with open("tiny-mlp.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)))
    f.write(text)
    for raw in blobs:
        f.write(raw)

points = torch.tensor([[0.3, -1.2], [2.0, 0.5], [-0.7, 0.1]], dtype=torch.float64)
t = torch.tensor([7.0, 7.0, 7.0], dtype=torch.float64)
with torch.no_grad():
    out = model.to(torch.float64)(points, t)
with open("tiny-mlp-expected.csv", "w") as f:
    f.write("x1,x2,t,out1,out2\n")
    for p, ti, o in zip(points.tolist(), t.tolist(), out.tolist()):
        f.write(",".join(repr(v) for v in p + [ti] + o) + "\n")
