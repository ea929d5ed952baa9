#!/usr/bin/python3
"""PyTorch peer of UnetTrainingBench: the U-Net of docs/science.md §7.3b (1x28x28 images, 16 maps) timed in
PyTorch on the same thread count.

It times one training step at batch 64 (an eps loss on a 100-step VP chain, backward, gradient-norm clipping at
0.5, AdamW, the EMA every 10 steps) and one evaluation of 64 images at one t, and prints images per second.
Debian's python3-torch installs for /usr/bin/python3 (apt-get install -y python3-torch).

    DIFFUSIM_THREADS=2 bench/unet-peer.py [--seconds 3]

With --train-steps N it instead does the whole job of `bin/diffusim train bench/unet-train.conf`, for timing
both as processes: read the first 1,000 Fashion-MNIST training images, scale them to [-1, 1], train N steps with
the cosine-decayed learning rate, and exit.
"""
import argparse
import gzip
import math
import os

import torch
from torch import nn
from torch.nn import functional as F

from peer_common import ema_step, rate

EMBEDDING = 64


def embed(t):
    half = EMBEDDING // 2
    omega = torch.exp(-math.log(10000.0) * torch.arange(half) / (half - 1))
    z = t.unsqueeze(-1) * omega
    return torch.cat((torch.sin(z), torch.cos(z)), dim=-1)


class Block(nn.Module):
    def __init__(self, maps):
        super().__init__()
        self.a = nn.Conv2d(maps, maps, 3, padding=1)
        self.t = nn.Linear(EMBEDDING, maps)
        self.b = nn.Conv2d(maps, maps, 3, padding=1)

    def forward(self, h, time):
        a = self.a(F.relu(h)) + self.t(time)[:, :, None, None]
        return h + self.b(F.relu(a))


class Unet(nn.Module):
    def __init__(self, channels=1, side=28, base=16):
        super().__init__()
        self.channels, self.side = channels, side
        self.time = nn.Linear(EMBEDDING, EMBEDDING)
        self.conv_in = nn.Conv2d(channels, base, 3, padding=1)
        self.r1 = Block(base)
        self.down = nn.Conv2d(base, 2 * base, 3, padding=1)
        self.r2, self.m1, self.m2, self.r3 = (Block(2 * base) for _ in range(4))
        self.up = nn.Conv2d(2 * base, base, 3, padding=1)
        self.r4 = Block(base)
        self.conv_out = nn.Conv2d(base, channels, 3, padding=1)

    def forward(self, x, t):
        time = F.relu(self.time(embed(t)))
        full = self.r1(self.conv_in(x.view(-1, self.channels, self.side, self.side)), time)
        half = self.r2(self.down(F.avg_pool2d(full, 2)), time)
        quarter = self.m2(self.m1(F.avg_pool2d(half, 2), time), time)
        up = self.r3(F.interpolate(quarter, scale_factor=2) + half, time)
        up = self.up(F.relu(up))
        up = self.r4(F.interpolate(up, scale_factor=2) + full, time)
        return self.conv_out(F.relu(up)).view(x.shape[0], -1)


def fashion_mnist(n, directory="/usr/share/datasets/fashion-mnist"):
    with gzip.open(os.path.join(directory, "train-images-idx3-ubyte.gz")) as f:
        raw = f.read()
    pixels = torch.frombuffer(bytearray(raw[16:16 + n * 784]), dtype=torch.uint8)
    return pixels.float().view(n, 784) / 127.5 - 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="measurement time per benchmark")
    parser.add_argument("--train-steps", type=int, default=0, help="train this many steps on Fashion-MNIST and exit")
    args = parser.parse_args()
    threads = int(os.environ.get("DIFFUSIM_THREADS", "2"))
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    batch = 64

    online, ema = Unet(), Unet()
    ema.load_state_dict(online.state_dict())
    print(f"pytorch {torch.__version__}, {threads} threads, {sum(p.numel() for p in online.parameters())} parameters")
    data = fashion_mnist(1000) if args.train_steps else torch.rand(1024, 784) * 2 - 1
    alpha_bar = torch.cumprod(1 - torch.linspace(1e-4, 0.02, 100), 0)
    optimizer = torch.optim.AdamW(online.parameters(), lr=3e-4, betas=(0.9, 0.999), weight_decay=0.01)
    schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, max(args.train_steps, 1))
    step = [0]

    def train_step():
        x0 = data[torch.randint(0, data.shape[0], (batch,))]
        t = torch.randint(0, 100, (batch,))
        eps = torch.randn(batch, 784)
        ab = alpha_bar[t].unsqueeze(1)
        xt = ab.sqrt() * x0 + (1 - ab).sqrt() * eps
        loss = F.mse_loss(online(xt, t.float()), eps)
        optimizer.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(online.parameters(), 0.5)
        optimizer.step()
        schedule.step()
        ema_step(ema, online, step[0])
        step[0] += 1

    if args.train_steps:
        for _ in range(args.train_steps):
            train_step()
        return
    x = torch.randn(batch, 784)
    t = torch.full((batch,), 50.0)
    with torch.no_grad():
        evaluate = batch * rate(lambda: online(x, t), args.seconds)
    train = batch * rate(train_step, args.seconds)
    print(f"{'benchmark':<24} {'images':>6} {'images/s':>10} {'calls/s':>9}")
    for name, per_second in (("evaluate batch=64", evaluate), ("trainStep batch=64", train)):
        print(f"{name:<24} {batch:>6} {per_second:>10.0f} {per_second / batch:>9.1f}")


if __name__ == "__main__":
    main()
