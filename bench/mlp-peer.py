#!/usr/bin/python3
"""PyTorch peer of MlpBench and MlpTrainingBench: the MLP of docs/science.md §7.3 (the AI-Scientist template's
MLPDenoiser) timed in PyTorch on the same thread count, so diffusim's ND4J numbers have a reference.

It times one sampler-step evaluation of 1,000 and 10,000 particles at one t (the template's inference), one
training step at batch 256 (forward, MSE loss, backward, gradient-norm clipping at 0.5, AdamW, the EMA update)
and a 1024^3 float32 matrix product, and prints a table like bench/run's: rows per call, rows per second, and
rows per second per sgemm GFLOP/s, the machine-independent ratio. Debian's python3-torch installs for
/usr/bin/python3 (apt-get install -y python3-torch).

    DIFFUSIM_THREADS=2 bench/mlp-peer.py [--seconds 3]
"""
import argparse
import math
import os

import torch
from torch import nn

from peer_common import ema_step, rate


class SinusoidalEmbedding(nn.Module):
    def __init__(self, size, scale):
        super().__init__()
        half = size // 2
        self.register_buffer("omega", torch.exp(-math.log(10000.0) * torch.arange(half) / (half - 1)))
        self.scale = scale

    def forward(self, u):
        z = self.scale * u.unsqueeze(-1) * self.omega
        return torch.cat((torch.sin(z), torch.cos(z)), dim=-1)


class ResidualBlock(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.ff = nn.Linear(width, width)

    def forward(self, h):
        return h + self.ff(torch.relu(h))


class MlpDenoiser(nn.Module):
    def __init__(self, embedding=128, width=256, blocks=3):
        super().__init__()
        # the template's attribute names, so that state_dict() has its keys (network.0, network.1.ff, ...)
        self.input_mlp1 = SinusoidalEmbedding(embedding, 25.0)
        self.input_mlp2 = SinusoidalEmbedding(embedding, 25.0)
        self.time_mlp = SinusoidalEmbedding(embedding, 1.0)
        self.network = nn.Sequential(nn.Linear(3 * embedding, width), *[ResidualBlock(width) for _ in range(blocks)],
                                 nn.ReLU(), nn.Linear(width, 2))

    def forward(self, x, t):
        return self.network(torch.cat((self.input_mlp1(x[:, 0]), self.input_mlp2(x[:, 1]), self.time_mlp(t)), dim=-1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="measurement time per benchmark")
    args = parser.parse_args()
    threads = int(os.environ.get("DIFFUSIM_THREADS", "2"))
    torch.set_num_threads(threads)
    torch.manual_seed(0)

    a = torch.randn(1024, 1024)
    b = torch.randn(1024, 1024)
    c = torch.empty(1024, 1024)
    gflops = 2 * 1024 ** 3 * rate(lambda: torch.mm(a, b, out=c), args.seconds) / 1e9

    model = MlpDenoiser()
    rows = []
    with torch.no_grad():
        for batch in (1000, 10000):
            x = torch.randn(batch, 2)
            t = torch.full((batch,), 50.0)
            rows.append((f"evaluate batch={batch}", batch, batch * rate(lambda: model(x, t), args.seconds)))

    # training as the template does it (docs/science.md §7.3)
    data = torch.randn(100000, 2)
    alpha_bar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, 100), 0)
    online = MlpDenoiser()
    ema = MlpDenoiser()
    ema.load_state_dict(online.state_dict())
    optimizer = torch.optim.AdamW(online.parameters(), lr=3e-4, betas=(0.9, 0.999), weight_decay=0.01)
    step = [0]

    def train_step():
        x0 = data[torch.randint(0, data.shape[0], (256,))]
        t = torch.randint(0, 100, (256,))
        eps = torch.randn(256, 2)
        ab = alpha_bar[t].unsqueeze(1)
        xt = ab.sqrt() * x0 + (1 - ab).sqrt() * eps
        loss = nn.functional.mse_loss(online(xt, t.float()), eps)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(online.parameters(), 0.5)
        optimizer.step()
        ema_step(ema, online, step[0])
        step[0] += 1

    rows.append(("trainStep batch=256", 256, 256 * rate(train_step, args.seconds)))

    print(f"pytorch {torch.__version__}, {threads} threads, sgemm {gflops:.1f} GFLOP/s")
    print(f"{'benchmark':<24} {'rows':>6} {'rows/s':>12} {'calls/s':>9} {'rows/s per GFLOP/s':>19}")
    for name, n, per_second in rows:
        print(f"{name:<24} {n:>6} {per_second:>12.0f} {per_second / n:>9.1f} {per_second / gflops:>19.1f}")


if __name__ == "__main__":
    main()
