"""Steps the networks of torch_reference.py one at a time, on request, for `perrin bench nn --lockstep`.

Usage: python3 torch_lockstep.py TORCH_REFERENCE_PY THREADS
The networks are the reference script's own (its UNet and cnn_bench); the inputs, losses and optimizer are those of
its main() and time_case() (same shapes and kinds, seed 0, Adam at lr 1e-3). Only the loop is here, so that each of
its steps can be timed next to one of Perrin's.
Prints one JSON line (torch version and parameter counts), then for each input line "train CASE" or "infer CASE" one
line with the step's milliseconds. At end of input it prints its peak resident memory on standard error.
"""
import importlib.util, json, resource, sys, time

import torch
import torch.nn as nn

spec = importlib.util.spec_from_file_location("torch_reference", sys.argv[1])
ref = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ref)

torch.set_num_threads(int(sys.argv[2]))
torch.manual_seed(0)
# Inputs as in the reference's main(): uniform images, a 5 % sparse mask, uniform regression targets.
x = torch.rand(8, 1, 128, 128); y = (torch.rand(8, 1, 128, 128) > 0.95).float()
unet = (ref.UNet, x, y, nn.BCELoss())
x = torch.rand(32, 1, 51, 51); y = torch.rand(32, 2)
cnn = (ref.cnn_bench, x, y, nn.L1Loss())
factories = {"unet-bench": unet, "cnn-bench": cnn}
built = {}


def case(name):
    # One network alive at a time, as in the reference, which times its cases one after the other.
    if name not in built:
        built.clear()
        make, x, y, loss = factories[name]
        model = make()
        built[name] = (model, x, y, loss, torch.optim.Adam(model.parameters(), lr=1e-3))
    return built[name]


def train(name):
    model, x, y, loss_fn, opt = case(name)
    opt.zero_grad(set_to_none=True)
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()


def infer(name):
    model, x, _, _, _ = case(name)
    with torch.no_grad():
        model(x)


params = {n: sum(p.numel() for p in f[0]().parameters()) for n, f in factories.items()}
print(json.dumps({"torch": torch.__version__, "params": params}), flush=True)
for line in sys.stdin:
    parts = line.split()
    if len(parts) != 2 or parts[0] not in ("train", "infer") or parts[1] not in factories:
        print(f"torch_lockstep: unknown request {line.strip()!r}", file=sys.stderr)
        sys.exit(2)
    step = train if parts[0] == "train" else infer
    case(parts[1])
    start = time.perf_counter()
    step(parts[1])
    print(f"{1e3 * (time.perf_counter() - start):.4f}", flush=True)
print("peak_rss_kib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
