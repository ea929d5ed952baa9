#!/usr/bin/env python3
"""examples/local-denoisers.conf's sampling loop written as a PyTorch user would write it: PSPC-Square
(docs/science.md 3.6) over 500 Fashion-MNIST training images and their mirrors, float64, Euler on the 18-value EDM
grid (sigma 80 to 0.002, rho 7) with the PSPC patch sizes of 28x28 images, 64 particles in one batch.

Each square's posterior is a softmax over the images' same square: the squares come from unfold, the distances and
the means from two einsums, the per-pixel average from fold. Prints one line,
"pspc torch threads=<n> particles=<N> particle-steps/s <rate>", the median of --repeats timed runs after one warm-up.
"""
import argparse
import gzip
import statistics
import time

import numpy as np
import torch
import torch.nn.functional as F

SIZES = (28, 28, 28, 28, 28, 28, 28, 23, 15, 11, 7, 5, 3, 3, 3, 3, 3, 3)  # PatchSizeSchedule.pspc(28)


def fashion(path, n):
    with gzip.open(path, "rb") as f:
        raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)[: n * 784]
    images = (-1 + 2 * raw.astype(np.float64) / 255).reshape(n, 1, 28, 28)
    return np.concatenate([images, images[..., ::-1]])  # flip = true: the mirrors join the set


def edm_grid(steps, smax=80.0, smin=0.002, rho=7.0):
    i = np.arange(steps)
    return (smax ** (1 / rho) + i / (steps - 1) * (smin ** (1 / rho) - smax ** (1 / rho))) ** rho


def denoise(x, sigma, size, data, squares):
    if size not in squares:
        squares[size] = F.unfold(data, size)  # [n, P^2, L]
    d = squares[size]
    xu = F.unfold(x, size)  # [B, P^2, L]
    dist = (xu * xu).sum(1)[:, None, :] - 2 * torch.einsum("bpl,npl->bnl", xu, d) + (d * d).sum(1)[None]
    w = torch.softmax(-dist / (2 * sigma * sigma), dim=1)
    mean = torch.einsum("bnl,npl->bpl", w, d)
    ones = torch.ones_like(mean[:1])
    return F.fold(mean, (28, 28), size) / F.fold(ones, (28, 28), size)


def run(particles, data, rng):
    sigmas = edm_grid(len(SIZES))
    x = torch.from_numpy(rng.standard_normal((particles, 1, 28, 28)) * sigmas[0])
    squares = {}
    for i, (sigma, size) in enumerate(zip(sigmas, SIZES)):
        x0 = denoise(x, sigma, size, data, squares)
        following = sigmas[i + 1] if i + 1 < len(sigmas) else 0.0
        x = x + (following - sigma) * (x - x0) / sigma
    return x


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--particles", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--images", default="/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_grad_enabled(False)
    data = torch.from_numpy(np.ascontiguousarray(fashion(args.images, 500)))
    rng = np.random.default_rng(0)
    run(args.particles, data, rng)
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        run(args.particles, data, rng)
        rates.append(args.particles * len(SIZES) / (time.perf_counter() - start))
    print(f"pspc torch threads={args.threads} particles={args.particles} particle-steps/s {statistics.median(rates):.1f}")


if __name__ == "__main__":
    main()
