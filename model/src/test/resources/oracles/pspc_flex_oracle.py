"""Independent NumPy computation of PSPC-Flex (docs/science.md §3.6) for PatchFlexDenoiserTest.

Data, queries and heat maps are closed-form so that Java builds the same numbers:
  point i, column k (k = c*H*W + y*W + x):  sin(1.3*i + 0.7*k)
  query r, column k:                        1.2*cos(0.9*r + 0.31*k)
  heat of pixel p at pixel q:               exp(-|q - p|^2 / (2*2^2))   (the isotropic fallback, std 2)
VE noise (a = 1, b = sigma) at sigma = 1.9233398370400518 (EDM grid value 9, tau = 0.5 in the paper's schedule).
Masks: heat / sum, ascending sort with ties by pixel index, running sum c, keep c >= 1 - tau (all channels).
Composite: per pixel, the mean over the masks holding it of each mask's crop posterior mean.
Run: /usr/bin/python3 pspc_flex_oracle.py
"""
import numpy as np

N, C, H, W = 6, 2, 4, 5
B = 2
SIGMA = 1.9233398370400518
TAU = 0.5
STD = 2.0
P = H * W
D = C * P

points = np.array([[np.sin(1.3 * i + 0.7 * k) for k in range(D)] for i in range(N)])
queries = np.array([[1.2 * np.cos(0.9 * r + 0.31 * k) for k in range(D)] for r in range(B)])


def heat(p):
    py, px = divmod(p, W)
    return np.array([np.exp(-((q // W - py) ** 2 + (q % W - px) ** 2) / (2 * STD * STD)) for q in range(P)])


def mask(h, tau):
    total = 0.0
    for v in h:  # sequential, as the Java sum
        total += v
    normalised = h / total
    order = sorted(range(P), key=lambda q: (normalised[q], q))
    kept = np.zeros(P, dtype=bool)
    running = 0.0
    margin = np.inf
    for q in order:
        running += normalised[q]
        kept[q] = running >= 1 - tau
        margin = min(margin, abs(running - (1 - tau)))
    return np.flatnonzero(kept), margin


composite = np.zeros((B, D))
covering = np.zeros(P)
smallest_margin = np.inf
masks = []
for p in range(P):
    m, margin = mask(heat(p), TAU)
    masks.append(m)
    smallest_margin = min(smallest_margin, margin)
    cols = np.concatenate([c * P + m for c in range(C)])
    zc, xc = queries[:, cols], points[:, cols]
    logits = -((zc[:, None, :] - xc[None, :, :]) ** 2).sum(-1) / (2 * SIGMA ** 2)
    logits -= logits.max(axis=1, keepdims=True)
    w = np.exp(logits)
    w /= w.sum(axis=1, keepdims=True)
    composite[:, cols] += w @ xc
    covering[m] += 1
composite /= np.tile(covering, C)[None, :]

print("smallest |c - (1 - tau)| over all masks:", repr(smallest_margin))
print("mask of pixel 7 (y = 1, x = 2):", masks[7].tolist())
print("mask sizes:", [len(m) for m in masks])
np.set_printoptions(precision=17, floatmode="unique", linewidth=200)
for r in range(B):
    print("x0 row", r, "=", ", ".join(repr(v) for v in composite[r]))
