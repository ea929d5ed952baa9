#!/usr/bin/env python3
"""The two closed-form sampling jobs of bench/compare written as a NumPy or PyTorch user would write them.

float64 throughout, sampling loop only (no analyses), batches of particles as diffusim's example specs batch them:
  demo: the optimal empirical denoiser (docs/science.md 3.2) of 2,000 two-moons points, DDPM over the 100-step
        linear VP chain (2.1);
  gmm:  the exact posterior mean of examples/gmm-ddim.conf's 3-component mixture (3.1), DDIM eta = 0 on the
        50-step linspace subsequence of the 1000-step linear VP chain (2.2).
Prints one line: "<job> <backend> threads=<n> particles=<N> particle-steps/s <rate>", the median of --repeats
timed runs after one warm-up run on a tenth of the particles. --steps S runs the first S steps only (every step of
these jobs costs the same, so the rate is the whole run's). --threads sets PyTorch's intra-op threads; NumPy's BLAS
threads are the environment's (bench/compare sets OMP_NUM_THREADS and OPENBLAS_NUM_THREADS before starting it).
"""
import argparse
import statistics
import time

import numpy as np

BETA_MIN, BETA_MAX = 1e-4, 0.02
GMM = (  # weight, mean, covariance: examples/gmm-ddim.conf
    (0.3, (-2.0, 0.0), ((0.0625, 0.0), (0.0, 0.0625))),
    (0.5, (2.0, 1.0), ((0.25, 0.0), (0.0, 0.04))),
    (0.2, (0.0, -2.0), ((0.3, 0.2), (0.2, 0.3))),
)


def moons(n, rng):
    """scikit-learn's make_moons(n, noise=0.03) under diffusim's affine map (docs/science.md 7.1)."""
    n_out, n_in = n // 2, n - n // 2
    t_out, t_in = np.linspace(0, np.pi, n_out), np.linspace(0, np.pi, n_in)
    xy = np.concatenate([np.stack([np.cos(t_out), np.sin(t_out)], 1),
                         np.stack([1 - np.cos(t_in), 1 - np.sin(t_in) - 0.5], 1)])
    xy = xy[rng.permutation(n)] + 0.03 * rng.standard_normal((n, 2))
    return np.stack([(xy[:, 0] + 0.3) * 2 - 1, (xy[:, 1] + 0.3) * 3 - 1], 1)


def alpha_bar(timesteps):
    return np.cumprod(1 - np.linspace(BETA_MIN, BETA_MAX, timesteps))


class Ops:
    """The handful of array operations the jobs need, on NumPy or on PyTorch (CPU, float64)."""

    def __init__(self, backend, threads):
        self.torch = None
        if backend == "torch":
            import torch
            torch.set_num_threads(threads)
            torch.set_grad_enabled(False)
            self.torch = torch

    def array(self, a):
        return a if self.torch is None else self.torch.from_numpy(np.ascontiguousarray(a, dtype=np.float64))

    def randn(self, rng, shape):
        return self.array(rng.standard_normal(shape))

    def softmax_rows(self, logits):
        if self.torch is not None:
            return self.torch.softmax(logits, dim=1)
        w = np.exp(logits - logits.max(axis=1, keepdims=True))
        return w / w.sum(axis=1, keepdims=True)

    def cat(self, parts):
        return np.concatenate(parts) if self.torch is None else self.torch.cat(parts)


def demo_job(ops, particles, batch, rng, steps):
    data = ops.array(moons(2000, rng))
    sq_norm = (data * data).sum(1)
    abar = alpha_bar(100)
    xs = [ops.randn(rng, (min(batch, particles - s), 2)) for s in range(0, particles, batch)]
    for t in range(99, 99 - steps, -1):
        a, b2 = np.sqrt(abar[t]), 1 - abar[t]
        prev = abar[t - 1] if t > 0 else 1.0
        beta = 1 - abar[t] / prev
        c1, c2 = beta * np.sqrt(prev) / b2, (1 - prev) * np.sqrt(1 - beta) / b2
        std = np.sqrt(beta * (1 - prev) / b2) if t > 0 else 0.0
        for i, x in enumerate(xs):
            # logits of docs/science.md 3.2 without the ||x||^2 term, which cancels in the softmax
            w = ops.softmax_rows((x @ data.T) * (a / b2) - sq_norm * (a * a / (2 * b2)))
            mean = c1 * (w @ data) + c2 * x
            xs[i] = mean + std * ops.randn(rng, x.shape) if std > 0 else mean
    return ops.cat(xs)


def gmm_job(ops, particles, batch, rng, steps):
    abar = alpha_bar(1000)
    taus = [int(round(999 * (1 - j / 49))) for j in range(50)]
    xs = [ops.randn(rng, (min(batch, particles - s), 2)) for s in range(0, particles, batch)]
    for j, tau in enumerate(taus[:steps]):
        a_bar, a_next = abar[tau], (abar[taus[j + 1]] if j + 1 < len(taus) else 1.0)
        a, b2 = np.sqrt(a_bar), 1 - a_bar
        # per component, once per step: C = a^2 Sigma + b^2 I, its inverse and log-determinant (docs/science.md 3.1)
        comps = []
        for weight, mean, cov in GMM:
            sigma = np.array(cov)
            c = a * a * sigma + b2 * np.eye(2)
            c_inv = np.linalg.inv(c)
            comps.append((np.log(weight) - 0.5 * np.log(np.linalg.det(2 * np.pi * c)),
                          ops.array(a * np.array(mean)), ops.array(np.array(mean)),
                          ops.array(c_inv), ops.array(a * sigma @ c_inv)))
        for i, x in enumerate(xs):
            logits, means = [], []
            for log_norm, a_mu, mu, c_inv, gain in comps:
                r = x - a_mu
                logits.append(log_norm - 0.5 * ((r @ c_inv) * r).sum(1))
                means.append(mu + r @ gain.T)
            stack = np.stack if ops.torch is None else ops.torch.stack
            rho = ops.softmax_rows(stack(logits, 1))
            x0 = sum(rho[:, k:k + 1] * means[k] for k in range(len(comps)))
            eps = (x - a * x0) / np.sqrt(b2)
            xs[i] = np.sqrt(a_next) * x0 + np.sqrt(1 - a_next) * eps
    return ops.cat(xs)


JOBS = {"demo": (demo_job, 100, 2048), "gmm": (gmm_job, 50, 2500)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--job", choices=sorted(JOBS), required=True)
    parser.add_argument("--backend", choices=["numpy", "torch"], required=True)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--particles", type=int, default=10000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--steps", type=int, default=0, help="run the first STEPS steps only (0 = all)")
    args = parser.parse_args()
    job, steps, batch = JOBS[args.job]
    steps = min(args.steps, steps) if args.steps > 0 else steps
    ops = Ops(args.backend, args.threads)
    rng = np.random.default_rng(0)
    job(ops, max(args.particles // 10, 1), batch, rng, steps)
    rates = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        job(ops, args.particles, batch, rng, steps)
        rates.append(args.particles * steps / (time.perf_counter() - start))
    print(f"{args.job} {args.backend} threads={args.threads} particles={args.particles} "
          f"particle-steps/s {statistics.median(rates):.6g}")


if __name__ == "__main__":
    main()
