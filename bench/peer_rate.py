"""The timing loop the PyTorch peers (mlp-peer.py, unet-peer.py) share."""
import time


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
