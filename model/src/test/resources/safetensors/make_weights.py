"""Makes tiny-mlp.safetensors and tiny-mlp-expected.csv for SafetensorsMlpTest (run with Debian's python3-torch:
/usr/bin/python3 make_weights.py). The network is bench/mlp-peer.py's MlpDenoiser, the template's MLPDenoiser of
docs/science.md §7.3 (state-dict keys network.0, network.{1..L}.ff, network.{L+2}, plus the embeddings' buffers),
at width 16 and 2 blocks with seeded random weights; the file is written by hand in the safetensors layout (8-byte
little-endian header length, JSON header, raw little-endian buffers), and the CSV holds the network's output at a
few points, computed here in float64 from the same weights.
"""
import importlib.util
import json
import os
import struct

import torch

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("mlp_peer", os.path.join(here, "../../../../../bench/mlp-peer.py"))
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)

torch.manual_seed(4)
model = peer.MlpDenoiser(embedding=128, width=16, blocks=2)
tensors = {name: value.detach().to(torch.float32).contiguous() for name, value in model.state_dict().items()}

header, offset, blobs = {"__metadata__": {"format": "pt"}}, 0, []
for name, value in tensors.items():
    raw = value.numpy().astype("<f4").tobytes()
    header[name] = {"dtype": "F32", "shape": list(value.shape), "data_offsets": [offset, offset + len(raw)]}
    offset += len(raw)
    blobs.append(raw)
text = json.dumps(header).encode("utf-8")
with open(os.path.join(here, "tiny-mlp.safetensors"), "wb") as f:
    f.write(struct.pack("<Q", len(text)))
    f.write(text)
    for raw in blobs:
        f.write(raw)

points = torch.tensor([[0.3, -1.2], [2.0, 0.5], [-0.7, 0.1]], dtype=torch.float64)
t = torch.tensor([7.0, 7.0, 7.0], dtype=torch.float64)
with torch.no_grad():
    out = model.to(torch.float64)(points, t)
with open(os.path.join(here, "tiny-mlp-expected.csv"), "w") as f:
    f.write("x1,x2,t,out1,out2\n")
    for p, ti, o in zip(points.tolist(), t.tolist(), out.tolist()):
        f.write(",".join(repr(v) for v in p + [ti] + o) + "\n")
