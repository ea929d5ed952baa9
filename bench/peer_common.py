"""What the PyTorch peers (mlp-peer.py, unet-peer.py) share: the timing loop and the template's EMA step."""
import time

import torch


def rate(call, seconds):
    """Calls per second of call() over at least `seconds`, after a warm-up of a third of that."""
    end = time.perf_counter() + seconds / 3
    while time.perf_counter() < end:
        call()
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        call()
        calls += 1
    return calls / (time.perf_counter() - start)


def ema_step(ema, online, s):
    """The template's EMA at call s (docs/science.md §7.3): every 10 calls after 100, decay capped at 0.995."""
    if s % 10 == 0 and s > 100:
        delta = min(1 - (1 + s - 100) ** (-2 / 3), 0.995)
        with torch.no_grad():
            for pe, po in zip(ema.parameters(), online.parameters()):
                pe.mul_(delta).add_(po, alpha=1 - delta)
