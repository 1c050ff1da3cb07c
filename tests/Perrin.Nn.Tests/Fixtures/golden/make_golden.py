#!/usr/bin/python3
"""PyTorch golden fixtures for Perrin.Nn: layers, losses, optimizers and two full training steps.

Run with Debian's torch (apt-get install -y python3-torch libopenblas0-pthread), not a pip/pyenv one,
so that the numbers come from the same build the benchmarks compare against:

    /usr/bin/python3 make_golden.py            # writes <case>.safetensors and README.md next to this script
    /usr/bin/python3 make_golden.py --verify   # re-reads every file and recomputes it from what it holds

Each case is split into "inputs" (drawn from torch's RNG after torch.manual_seed(seed of the case)) and
"outputs" (computed from the inputs only). --verify therefore checks three things per file: the byte layout
and header of the file, that the inputs regenerate bit-for-bit, and that the outputs recomputed by torch
from the tensors as read back from the file match what the file holds.
"""
import argparse
import copy
import json
import math
import os
import struct
import sys
import zlib

import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_HEADER = 1 << 20


# ---------------------------------------------------------------- safetensors writer and reader

def write_safetensors(path, tensors, metadata):
    """F32 only; names sorted, data laid out in name order; header padded with spaces to a multiple of 8."""
    header = {"__metadata__": {k: str(v) for k, v in metadata.items()}}
    blobs, offset = [], 0
    for name in sorted(tensors):
        t = tensors[name].detach().to(torch.float32).contiguous()
        data = t.numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def read_safetensors(path):
    """Strict reader: every check the C# loader is expected to make, so a broken file fails here first."""
    with open(path, "rb") as f:
        raw = f.read()
    name = os.path.basename(path)
    if len(raw) < 8:
        raise ValueError(f"{name}: {len(raw)} bytes, shorter than the 8-byte header length")
    (n,) = struct.unpack_from("<Q", raw, 0)
    if n > MAX_HEADER or 8 + n > len(raw):
        raise ValueError(f"{name}: header length {n} does not fit in {len(raw)} bytes")
    if n % 8 != 0:
        raise ValueError(f"{name}: header length {n} is not a multiple of 8")
    try:
        text = raw[8:8 + n].decode("utf-8")
        header, end = json.JSONDecoder().raw_decode(text)
    except ValueError as e:
        raise ValueError(f"{name}: header is not UTF-8 JSON: {e}") from None
    if not isinstance(header, dict) or text[end:].strip(" ") != "":
        raise ValueError(f"{name}: header is not one JSON object padded with spaces")
    metadata = header.pop("__metadata__", None)
    if not isinstance(metadata, dict) or not all(isinstance(v, str) for v in metadata.values()):
        raise ValueError(f"{name}: __metadata__ missing or not a map of strings")
    data = raw[8 + n:]
    tensors, expect = {}, 0
    for key in sorted(header):
        e = header[key]
        if e.get("dtype") != "F32":
            raise ValueError(f"{name}: tensor {key} has dtype {e.get('dtype')}, expected F32")
        shape = e["shape"]
        if not all(isinstance(d, int) and d >= 0 for d in shape):
            raise ValueError(f"{name}: tensor {key} has a bad shape {shape}")
        b, end = e["data_offsets"]
        count = math.prod(shape)
        if b != expect or end - b != 4 * count or end > len(data):
            raise ValueError(f"{name}: tensor {key} offsets [{b},{end}] do not follow on at {expect} with {4 * count} bytes")
        expect = end
        buf = bytearray(data[b:end])
        t = torch.frombuffer(buf, dtype=torch.float32) if count else torch.zeros(0)
        tensors[key] = t.reshape(shape).clone()
    if expect != len(data):
        raise ValueError(f"{name}: tensors cover {expect} bytes of {len(data)} data bytes")
    return tensors, metadata, n


# ---------------------------------------------------------------- networks (mirrors shared/bench/torch_reference.py)

def conv_block(cin, cout):
    return nn.Sequential(nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(),
                         nn.Conv2d(cout, cout, 3, padding=1), nn.ReLU())


class UNet(nn.Module):
    def __init__(self, levels=(16, 32, 64), bottleneck=128):
        super().__init__()
        self.down = nn.ModuleList()
        cin = 1
        for c in levels:
            self.down.append(conv_block(cin, c)); cin = c
        self.pool = nn.MaxPool2d(2)
        self.mid = conv_block(cin, bottleneck)
        self.up, self.dec = nn.ModuleList(), nn.ModuleList()
        cin = bottleneck
        for c in reversed(levels):
            self.up.append(nn.ConvTranspose2d(cin, c, 2, stride=2))
            self.dec.append(conv_block(2 * c, c)); cin = c
        self.head = nn.Conv2d(cin, 1, 1)

    def forward(self, x):
        skips = []
        for d in self.down:
            x = d(x); skips.append(x); x = self.pool(x)
        x = self.mid(x)
        for up, dec, s in zip(self.up, self.dec, reversed(skips)):
            x = dec(torch.cat([up(x), s], dim=1))
        return torch.sigmoid(self.head(x))


def cnn_bench():
    return nn.Sequential(
        nn.Conv2d(1, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 4 * 4, 32), nn.ReLU(),
        nn.Linear(32, 32), nn.ReLU(), nn.Linear(32, 2))


# ---------------------------------------------------------------- case kinds

class Case:
    """name, op, config (JSON-able constructor arguments), mode, make_inputs() -> dict, compute(inputs) -> dict."""
    def __init__(self, name, op, config, mode, make_inputs, compute):
        self.name, self.op, self.config, self.mode = name, op, config, mode
        self.make_inputs, self.compute = make_inputs, compute

    @property
    def seed(self):
        return zlib.crc32(self.name.encode()) & 0x7FFFFFFF


def layer_case(name, ctor, config, in_shape, mode="train", prepare=None, extra_outputs=()):
    """A module: state_dict, "input" and "grad_output" are inputs; output, grads and (stateful) buffers after are outputs."""
    def build():
        m = ctor(**config)
        return m.train() if mode == "train" else m.eval()

    def make_inputs():
        m = build()
        if prepare is not None:
            with torch.no_grad():
                prepare(m)
        x = torch.randn(*in_shape)
        with torch.no_grad():
            y = copy.deepcopy(m)(x)
        y = y[0] if isinstance(y, tuple) else y
        d = {k: v.clone() for k, v in m.state_dict().items()}
        d["input"], d["grad_output"] = x, torch.randn(y.shape)
        return d

    def compute(inp):
        m = build()
        m.load_state_dict({k: inp[k] for k in m.state_dict()}, strict=True)
        x = inp["input"].clone().requires_grad_(True)
        y = m(x)
        out = {}
        if isinstance(y, tuple):
            y, states = y
            states = states if isinstance(states, tuple) else (states,)
            for k, s in zip(extra_outputs, states):
                out[k] = s.detach().clone()
        y.backward(inp["grad_output"])
        out["output"], out["grad_input"] = y.detach().clone(), x.grad.clone()
        for k, p in m.named_parameters():
            out["grad." + k] = p.grad.clone()
        for k, b in m.named_buffers():
            out["after." + k] = b.detach().clone()
        return out

    return Case(name, ctor.__name__, config, mode, make_inputs, compute)


def randomize(*names, scale=0.5, offset=0.0):
    def prepare(m):
        for n in names:
            t = getattr(m, n)
            t.copy_(offset + scale * torch.randn(t.shape))
    return prepare


def batch_norm_state(m):
    m.weight.copy_(1.0 + 0.3 * torch.randn(m.weight.shape))
    m.bias.copy_(0.3 * torch.randn(m.bias.shape))
    m.running_mean.copy_(0.5 * torch.randn(m.running_mean.shape))
    m.running_var.copy_(0.5 + torch.rand(m.running_var.shape))
    m.num_batches_tracked.fill_(7)


def loss_case(name, ctor, config, make, grads):
    """make() returns the named inputs in the order the loss takes them (a "pos_weight" goes to the constructor);
    grads names those differentiated."""
    def compute(inp):
        kwargs = dict(config)
        if "pos_weight" in inp:
            kwargs["pos_weight"] = inp["pos_weight"]
        order = [k for k in inp if k != "pos_weight"]
        args = []
        for k in order:
            t = inp[k].clone()
            if k == "target" and ctor is nn.CrossEntropyLoss:
                t = t.long()
            if k in grads:
                t.requires_grad_(True)
            args.append(t)
        loss = ctor(**kwargs)(*args)
        loss.backward()
        out = {"output": loss.detach().clone()}
        for k, t in zip(order, args):
            if k in grads:
                out["grad_" + k] = t.grad.clone()
        return out

    return Case(name, ctor.__name__, config, "train", make, compute)


def optimizer_case(name, ctor, config, shape=(3, 4), steps=3):
    def make_inputs():
        d = {"param": torch.randn(*shape)}
        for i in range(steps):
            d[f"grad.{i}"] = (0.5 + i) * torch.randn(*shape)
        return d

    def compute(inp):
        p = nn.Parameter(inp["param"].clone())
        opt = ctor([p], **config)
        out = {}
        for i in range(steps):
            p.grad = inp[f"grad.{i}"].clone()
            opt.step()
            out[f"after.{i}"] = p.detach().clone()
        return out

    return Case(name, ctor.__name__, config, "train", make_inputs, compute)


def schedule_case(name, ctor, lr, config, epochs=10):
    def compute(inp):
        p = nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([p], lr=lr)
        sched = ctor(opt, **config)
        lrs = []
        for _ in range(epochs):
            lrs.append(opt.param_groups[0]["lr"])
            opt.step()
            sched.step()
        return {"output": torch.tensor(lrs, dtype=torch.float64).float()}

    cfg = dict(config, lr=lr, epochs=epochs)
    return Case(name, ctor.__name__, cfg, "train", lambda: {}, compute)


def clip_case():
    config = {"max_norm": 1.0, "norm_type": 2.0}

    def make_inputs():
        return {"grad.0": torch.randn(3, 4), "grad.1": 0.7 * torch.randn(5)}

    def compute(inp):
        ps = [nn.Parameter(torch.zeros_like(inp[f"grad.{i}"])) for i in range(2)]
        for i, p in enumerate(ps):
            p.grad = inp[f"grad.{i}"].clone()
        norm = torch.nn.utils.clip_grad_norm_(ps, **config)
        out = {"output": norm.detach().clone()}
        for i, p in enumerate(ps):
            out[f"after.{i}"] = p.grad.clone()
        return out

    return Case("clip_grad_norm", "clip_grad_norm_", config, "train", make_inputs, compute)


def pix2pix_case():
    config = {"adversarial": "BCEWithLogitsLoss(reduction='mean') against ones", "l1_weight": 100.0,
              "l1": "L1Loss(reduction='mean')"}

    def make_inputs():
        return {"input": torch.randn(2, 1, 4, 4), "input2": torch.tanh(torch.randn(2, 1, 8, 8)),
                "target": torch.tanh(torch.randn(2, 1, 8, 8))}

    def compute(inp):
        d_fake = inp["input"].clone().requires_grad_(True)
        fake = inp["input2"].clone().requires_grad_(True)
        adv = nn.BCEWithLogitsLoss()(d_fake, torch.ones_like(d_fake))
        l1 = nn.L1Loss()(fake, inp["target"])
        loss = adv + 100.0 * l1
        loss.backward()
        return {"output": loss.detach().clone(), "adv_loss": adv.detach().clone(), "l1_loss": l1.detach().clone(),
                "grad_input": d_fake.grad.clone(), "grad_input2": fake.grad.clone()}

    return Case("pix2pix_generator_loss", "pix2pix_generator_loss", config, "train", make_inputs, compute)


def decode_loss_case():
    """Perrin's Loss.Decode: BCE from logits on channel 0, plus on the target's emitter pixels (weighted by the target
    p) the channel-weighted squared errors of channels 1.., averaged over the N*H*W pixels."""
    config = {"detection": "binary_cross_entropy_with_logits(reduction='none') on channel 0",
              "regression": "target_p * sum_c weights[c-1] * (x_c - t_c)**2 over channels 1..C-1",
              "reduction": "mean over N*H*W pixels"}

    def make_inputs():
        n, c, h, w = 2, 5, 6, 6
        p = (torch.rand(n, 1, h, w) > 0.7).float()
        offsets = torch.rand(n, 2, h, w) - 0.5
        photons = 0.5 + 9.5 * torch.rand(n, 1, h, w)
        z = 0.3 * torch.randn(n, 1, h, w)
        target = torch.cat([p, p * offsets, p * photons, p * z], 1)
        return {"input": 3 * torch.randn(n, c, h, w), "target": target, "weights": torch.tensor([12.0, 12.0, 0.1, 8.0])}

    def compute(inp):
        x = inp["input"].clone().requires_grad_(True)
        t, wts = inp["target"], inp["weights"]
        bce = nn.functional.binary_cross_entropy_with_logits(x[:, 0], t[:, 0], reduction="none")
        reg = ((x[:, 1:] - t[:, 1:]) ** 2 * wts.view(1, -1, 1, 1)).sum(1) * t[:, 0]
        loss = (bce + reg).mean()
        loss.backward()
        return {"output": loss.detach().clone(), "grad_input": x.grad.clone()}

    return Case("decode_loss", "decode_loss", config, "train", make_inputs, compute)


def train_step_case(name, build, config, x_shape, make_target, loss_ctor, lr=1e-3):
    def make_inputs():
        m = build()
        d = {k: v.clone() for k, v in m.state_dict().items()}
        d["input"] = torch.rand(*x_shape)
        d["target"] = make_target()
        return d

    def compute(inp):
        m = build().train()
        m.load_state_dict({k: inp[k] for k in m.state_dict()}, strict=True)
        opt = torch.optim.Adam(m.parameters(), lr=lr)
        opt.zero_grad(set_to_none=True)
        y = m(inp["input"])
        loss = loss_ctor()(y, inp["target"])
        loss.backward()
        out = {"output": y.detach().clone(), "loss": loss.detach().clone()}
        for k, p in m.named_parameters():
            out["grad." + k] = p.grad.clone()
        opt.step()
        for k, p in m.named_parameters():
            out["after." + k] = p.detach().clone()
        return out

    cfg = dict(config, optimizer={"name": "Adam", "lr": lr, "betas": [0.9, 0.999], "eps": 1e-8},
               loss=loss_ctor.__name__, input_shape=list(x_shape))
    return Case(name, name, cfg, "train", make_inputs, compute)


# ---------------------------------------------------------------- the cases

def conv_cfg(cin, cout, k, s=(1, 1), p=(0, 0), d=(1, 1), g=1, bias=True):
    return {"in_channels": cin, "out_channels": cout, "kernel_size": list(k), "stride": list(s),
            "padding": list(p), "dilation": list(d), "groups": g, "bias": bias}


def convt_cfg(cin, cout, k, s=(1, 1), p=(0, 0), op=(0, 0), g=1, bias=True, d=(1, 1)):
    return {"in_channels": cin, "out_channels": cout, "kernel_size": list(k), "stride": list(s),
            "padding": list(p), "output_padding": list(op), "groups": g, "bias": bias, "dilation": list(d)}


def pool_cfg(k, s, p, **extra):
    return dict({"kernel_size": list(k), "stride": list(s), "padding": list(p), "ceil_mode": False}, **extra)


def all_cases():
    c = []
    c.append(layer_case("linear", nn.Linear, {"in_features": 6, "out_features": 4, "bias": True}, (3, 6)))
    c.append(layer_case("linear_nobias", nn.Linear, {"in_features": 6, "out_features": 4, "bias": False}, (3, 6)))

    c.append(layer_case("conv2d_3x3_pad1", nn.Conv2d, conv_cfg(3, 4, (3, 3), p=(1, 1)), (2, 3, 6, 6)))
    c.append(layer_case("conv2d_3x3_stride2_pad1", nn.Conv2d, conv_cfg(3, 4, (3, 3), s=(2, 2), p=(1, 1)), (2, 3, 7, 7)))
    c.append(layer_case("conv2d_3x3_dilation2", nn.Conv2d, conv_cfg(3, 4, (3, 3), p=(2, 2), d=(2, 2)), (2, 3, 7, 7)))
    c.append(layer_case("conv2d_3x3_groups2", nn.Conv2d, conv_cfg(4, 6, (3, 3), p=(1, 1), g=2), (2, 4, 5, 5)))
    c.append(layer_case("conv2d_3x3_depthwise", nn.Conv2d, conv_cfg(4, 4, (3, 3), p=(1, 1), g=4), (2, 4, 5, 5)))
    c.append(layer_case("conv2d_3x3_nobias", nn.Conv2d, conv_cfg(3, 4, (3, 3), p=(1, 1), bias=False), (2, 3, 5, 5)))
    c.append(layer_case("conv2d_1x3_pad0x1", nn.Conv2d, conv_cfg(3, 4, (1, 3), p=(0, 1)), (2, 3, 5, 6)))
    c.append(layer_case("conv2d_1x1", nn.Conv2d, conv_cfg(3, 5, (1, 1)), (2, 3, 4, 4)))

    c.append(layer_case("conv_transpose2d_2x2_stride2", nn.ConvTranspose2d,
                        convt_cfg(4, 3, (2, 2), s=(2, 2)), (2, 4, 4, 4)))
    c.append(layer_case("conv_transpose2d_3x3_stride2_pad1_outpad1", nn.ConvTranspose2d,
                        convt_cfg(3, 2, (3, 3), s=(2, 2), p=(1, 1), op=(1, 1)), (2, 3, 4, 4)))
    c.append(layer_case("conv_transpose2d_3x3_stride2_groups2", nn.ConvTranspose2d,
                        convt_cfg(4, 6, (3, 3), s=(2, 2), p=(1, 1), g=2), (2, 4, 4, 4)))
    c.append(layer_case("conv_transpose2d_3x3_dilation2", nn.ConvTranspose2d,
                        convt_cfg(3, 2, (3, 3), p=(1, 1), d=(2, 2)), (2, 3, 4, 4)))

    c.append(layer_case("conv1d_k5_pad2", nn.Conv1d,
                        {"in_channels": 3, "out_channels": 4, "kernel_size": [5], "stride": [1], "padding": [2],
                         "dilation": [1], "groups": 1, "bias": True}, (2, 3, 12)))

    c.append(layer_case("max_pool2d_2_stride2", nn.MaxPool2d, pool_cfg((2, 2), (2, 2), (0, 0), dilation=[1, 1]),
                        (2, 3, 6, 6)))
    c.append(layer_case("max_pool2d_3_stride2_pad1", nn.MaxPool2d, pool_cfg((3, 3), (2, 2), (1, 1), dilation=[1, 1]),
                        (2, 3, 7, 7)))
    c.append(layer_case("avg_pool2d_2_stride2", nn.AvgPool2d, pool_cfg((2, 2), (2, 2), (0, 0), count_include_pad=True),
                        (2, 3, 6, 6)))
    c.append(layer_case("avg_pool2d_3_stride1_pad1", nn.AvgPool2d,
                        pool_cfg((3, 3), (1, 1), (1, 1), count_include_pad=True), (2, 3, 5, 5)))

    c.append(layer_case("upsample_nearest_x2", nn.Upsample, {"scale_factor": 2.0, "mode": "nearest"}, (2, 3, 4, 4)))
    c.append(layer_case("upsample_bilinear_x2", nn.Upsample,
                        {"scale_factor": 2.0, "mode": "bilinear", "align_corners": False}, (2, 3, 4, 4)))

    bn = {"num_features": 3, "eps": 1e-5, "momentum": 0.1, "affine": True, "track_running_stats": True}
    c.append(layer_case("batch_norm2d_train", nn.BatchNorm2d, bn, (4, 3, 5, 5), "train", batch_norm_state))
    c.append(layer_case("batch_norm2d_eval", nn.BatchNorm2d, bn, (4, 3, 5, 5), "eval", batch_norm_state))
    c.append(layer_case("instance_norm2d", nn.InstanceNorm2d,
                        {"num_features": 3, "eps": 1e-5, "momentum": 0.1, "affine": True,
                         "track_running_stats": False}, (2, 3, 5, 5), "train",
                        randomize("weight", "bias", scale=0.3)))

    c.append(layer_case("relu", nn.ReLU, {}, (2, 3, 4, 4)))
    c.append(layer_case("leaky_relu", nn.LeakyReLU, {"negative_slope": 0.2}, (2, 3, 4, 4)))
    c.append(layer_case("elu", nn.ELU, {"alpha": 1.0}, (2, 3, 4, 4)))
    c.append(layer_case("sigmoid", nn.Sigmoid, {}, (2, 3, 4, 4)))
    c.append(layer_case("tanh", nn.Tanh, {}, (2, 3, 4, 4)))
    c.append(layer_case("softmax", nn.Softmax, {"dim": 1}, (2, 5, 3, 3)))
    c.append(layer_case("log_softmax", nn.LogSoftmax, {"dim": 1}, (2, 5, 3, 3)))
    c.append(layer_case("flatten", nn.Flatten, {"start_dim": 1, "end_dim": -1}, (2, 3, 4, 5)))

    rnn = {"input_size": 3, "hidden_size": 5, "num_layers": 1, "bias": True, "batch_first": True,
           "dropout": 0.0, "bidirectional": False}
    c.append(layer_case("lstm", nn.LSTM, rnn, (2, 7, 3), extra_outputs=("h_n", "c_n")))
    c.append(layer_case("gru", nn.GRU, rnn, (2, 7, 3), extra_outputs=("h_n",)))

    c.append(loss_case("mse_loss", nn.MSELoss, {"reduction": "mean"},
                       lambda: {"input": torch.randn(3, 4, 5), "target": torch.randn(3, 4, 5)}, ("input",)))
    c.append(loss_case("l1_loss", nn.L1Loss, {"reduction": "mean"},
                       lambda: {"input": torch.randn(3, 4, 5), "target": torch.randn(3, 4, 5)}, ("input",)))
    c.append(loss_case("bce_loss", nn.BCELoss, {"reduction": "mean"},
                       lambda: {"input": torch.sigmoid(2 * torch.randn(2, 1, 6, 6)),
                                "target": (torch.rand(2, 1, 6, 6) > 0.7).float()}, ("input",)))
    c.append(loss_case("bce_with_logits_loss_pos_weight", nn.BCEWithLogitsLoss, {"reduction": "mean", "pos_weight": [10.0]},
                       lambda: {"input": 2 * torch.randn(2, 1, 6, 6),
                                "target": (torch.rand(2, 1, 6, 6) > 0.8).float(),
                                "pos_weight": torch.tensor([10.0])}, ("input",)))
    c.append(loss_case("cross_entropy_loss", nn.CrossEntropyLoss,
                       {"reduction": "mean", "ignore_index": -100, "label_smoothing": 0.0},
                       lambda: {"input": torch.randn(4, 5), "target": torch.randint(0, 5, (4,)).float()},
                       ("input",)))
    c.append(loss_case("gaussian_nll_loss", nn.GaussianNLLLoss, {"full": False, "eps": 1e-6, "reduction": "mean"},
                       lambda: {"input": torch.randn(4, 3), "target": torch.randn(4, 3),
                                "var": 0.2 + torch.rand(4, 3)}, ("input", "var")))
    c.append(pix2pix_case())
    c.append(decode_loss_case())

    c.append(optimizer_case("sgd_momentum", torch.optim.SGD,
                            {"lr": 0.1, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0, "nesterov": False}))
    c.append(optimizer_case("sgd_nesterov", torch.optim.SGD,
                            {"lr": 0.1, "momentum": 0.9, "dampening": 0.0, "weight_decay": 0.0, "nesterov": True}))
    adam = {"lr": 1e-2, "betas": [0.9, 0.999], "eps": 1e-8, "weight_decay": 0.0, "amsgrad": False}
    c.append(optimizer_case("adam", torch.optim.Adam, adam))
    c.append(optimizer_case("adamw", torch.optim.AdamW, dict(adam, weight_decay=0.1)))
    c.append(optimizer_case("adam_weight_decay", torch.optim.Adam, dict(adam, weight_decay=0.1)))
    c.append(schedule_case("lr_step", torch.optim.lr_scheduler.StepLR, 0.1, {"step_size": 3, "gamma": 0.5}))
    c.append(schedule_case("lr_cosine", torch.optim.lr_scheduler.CosineAnnealingLR, 0.1,
                           {"T_max": 10, "eta_min": 0.001}))
    c.append(clip_case())

    c.append(train_step_case("unet_step", lambda: UNet(levels=(4, 8), bottleneck=16),
                             {"levels": [4, 8], "bottleneck": 16}, (2, 1, 16, 16),
                             lambda: (torch.rand(2, 1, 16, 16) > 0.8).float(), nn.BCELoss))
    # The bench U-Net at a size whose convolutions take the fast paths (Winograd, direct kernels, batched im2col
    # weight gradients on the 8 × 8 bottleneck) rather than the small-tensor fallbacks unet_step reaches.
    c.append(train_step_case("unet_bench_step", lambda: UNet(levels=(16, 32, 64), bottleneck=128),
                             {"levels": [16, 32, 64], "bottleneck": 128}, (4, 1, 64, 64),
                             lambda: (torch.rand(4, 1, 64, 64) > 0.8).float(), nn.BCELoss))
    c.append(train_step_case("cnn_step", cnn_bench, {"network": "cnn-bench"}, (4, 1, 51, 51),
                             lambda: torch.rand(4, 2), nn.L1Loss))
    return c


# ---------------------------------------------------------------- driver

def metadata_of(case):
    return {"case": case.name, "op": case.op, "config": json.dumps(case.config, sort_keys=True),
            "mode": case.mode, "torch": torch.__version__, "seed": case.seed}


def inputs_of(case):
    torch.manual_seed(case.seed)
    return case.make_inputs()


def generate(cases):
    rows = []
    for case in cases:
        inp = inputs_of(case)
        out = case.compute(inp)
        clash = set(inp) & set(out)
        if clash:
            raise RuntimeError(f"{case.name}: names used as both input and output: {sorted(clash)}")
        tensors = dict(inp, **out)
        path = os.path.join(HERE, case.name + ".safetensors")
        write_safetensors(path, tensors, metadata_of(case))
        rows.append((case, sorted(inp), sorted(out), os.path.getsize(path)))
    write_readme(rows)
    total = sum(r[3] for r in rows)
    print(f"{len(rows)} fixtures, {total} bytes, torch {torch.__version__}")


def verify(cases, rtol):
    failures, bitwise, total_tensors, total_bytes = [], 0, 0, 0
    names = {c.name for c in cases}
    stray = [f for f in os.listdir(HERE) if f.endswith(".safetensors") and f[:-12] not in names]
    if stray:
        failures.append(f"files without a case: {stray}")
    for case in cases:
        path = os.path.join(HERE, case.name + ".safetensors")
        try:
            tensors, meta, hlen = read_safetensors(path)
        except (OSError, ValueError) as e:
            failures.append(str(e)); continue
        total_bytes += os.path.getsize(path)
        want_meta = {k: str(v) for k, v in metadata_of(case).items()}
        if meta != want_meta:
            failures.append(f"{case.name}: metadata {meta} != {want_meta}")
        inp = inputs_of(case)
        for k, v in inp.items():
            v = v.to(torch.float32)
            if k not in tensors or tensors[k].shape != v.shape or not torch.equal(tensors[k], v):
                failures.append(f"{case.name}: input {k} does not regenerate bit-for-bit")
        out = case.compute({k: tensors[k] for k in inp if k in tensors})
        if set(tensors) != set(inp) | set(out):
            failures.append(f"{case.name}: names {sorted(tensors)} != {sorted(set(inp) | set(out))}")
        for k, v in out.items():
            total_tensors += 1
            v = v.to(torch.float32)
            got = tensors.get(k)
            if got is None or got.shape != v.shape:
                failures.append(f"{case.name}: {k} missing or of shape {None if got is None else list(got.shape)}")
            elif torch.equal(got, v):
                bitwise += 1
            elif rtol == 0 or not torch.allclose(got, v, rtol=rtol, atol=rtol * 1e-2):
                failures.append(f"{case.name}: {k} differs by {(got - v).abs().max().item():g}")
        expect_len = len(json.dumps(json.loads(open(path, "rb").read()[8:8 + hlen]), sort_keys=True,
                                    separators=(",", ":")).encode("utf-8"))
        if hlen != expect_len + (-expect_len % 8):
            failures.append(f"{case.name}: header length {hlen}, expected {expect_len} padded to 8")
    print(f"verified {len(cases)} files, {total_bytes} bytes; {bitwise}/{total_tensors} recomputed outputs bit-identical")
    for f in failures:
        print("FAIL", f)
    return not failures


def write_readme(rows):
    lines = [
        "# PyTorch golden fixtures for Perrin.Nn",
        "",
        "One safetensors file per case, made by `make_golden.py` with Debian's PyTorch "
        f"({torch.__version__}), float32, one thread, `torch.manual_seed` per case "
        "(the seed is CRC-32 of the case name, also stored in the metadata).",
        "",
        "## Regenerating",
        "",
        "```sh",
        "apt-get install -y python3-torch libopenblas0-pthread",
        "/usr/bin/python3 tests/Perrin.Nn.Tests/Fixtures/golden/make_golden.py           # writes the files and this README",
        "/usr/bin/python3 tests/Perrin.Nn.Tests/Fixtures/golden/make_golden.py --verify  # re-reads and recomputes them",
        "```",
        "",
        "Use `/usr/bin/python3`, not another python3 on PATH: the fixtures must come from Debian's torch build.",
        "`--verify` checks each file's layout (8-byte little-endian header length, a multiple of 8; names sorted; "
        "data contiguous in name order and covering the file exactly), that its inputs regenerate bit-for-bit "
        "from the seed, and that torch recomputes its outputs from the tensors as read back from the file.",
        "",
        "## File layout",
        "",
        "- All tensors are `F32`, little-endian, row-major. Integer data (class targets, `num_batches_tracked`) "
        "is stored as F32. Losses, `loss` and norms are 0-dimensional (`shape: []`, one value).",
        "- `__metadata__`: `case` (file stem), `op` (PyTorch class or function), `config` (JSON of the constructor "
        "arguments under PyTorch's names), `mode` (`train`/`eval`), `torch` (version), `seed`.",
        "- Layers: parameters and buffers under their `state_dict` names, as they were before the forward; "
        "`input`, `grad_output` (random upstream gradient), `output`, `grad_input`, `grad.<param>`, and "
        "`after.<buffer>` (buffers after the forward: batch norm's running statistics).",
        "- LSTM/GRU: zero initial state; `h_n`/`c_n` are the final states, (num_layers, N, hidden); "
        "`grad_output` is applied to the output sequence only.",
        "- Losses: `grad_<x>` is d(loss)/d(x) for an upstream gradient of 1. In `pix2pix_generator_loss` "
        "`input` is D(fake) (logits), `input2` the generator output, `target` the real image; "
        "`output` = `adv_loss` + 100 * `l1_loss`. In `decode_loss` `input` holds the logits of p then the "
        "regressions, `weights` the weights of channels 1.. (Loss.Decode's channelWeights).",
        "- Optimizers: `param` is stepped with `grad.0`, `grad.1`, `grad.2` in turn; `after.i` is the parameter "
        "after step i. Schedules: `output[e]` is the learning rate used during epoch e (base `lr` in the config); "
        "`scheduler.step()` is called once per epoch. `clip_grad_norm`: `output` is the total norm before "
        "clipping and `after.i` the clipped `grad.i`.",
        "- Training steps: `unet_step`/`cnn_step` hold the parameters before the step under their state_dict "
        "names, `input`, `target`, `output` (forward), `loss`, `grad.<name>` and `after.<name>` "
        "(after one Adam step, lr 1e-3, from zero gradients). The networks are those of "
        "shared/bench/torch_reference.py (U-Net with levels (4, 8) and bottleneck 16 here).",
        "",
        "## Cases",
        "",
        "| case | op | mode | config | inputs | outputs | bytes |",
        "|---|---|---|---|---|---|---|",
    ]
    for case, inp, out, size in rows:
        cfg = json.dumps(case.config, sort_keys=True).replace("|", "\\|")
        lines.append(f"| {case.name} | {case.op} | {case.mode} | `{cfg}` | {', '.join(inp) or '-'} | "
                     f"{', '.join(out)} | {size} |")
    lines += ["", f"Total: {len(rows)} files, {sum(r[3] for r in rows)} bytes.", ""]
    tmp = os.path.join(HERE, "README.md.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    os.replace(tmp, os.path.join(HERE, "README.md"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verify", action="store_true", help="re-read and recompute every fixture instead of writing")
    ap.add_argument("--rtol", type=float, default=0.0,
                    help="with --verify: accept recomputed outputs within this relative tolerance instead of "
                         "bit-identical ones (for checking on a CPU other than the one that made the files)")
    a = ap.parse_args()
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float32)
    cases = all_cases()
    if a.verify:
        sys.exit(0 if verify(cases, a.rtol) else 1)
    generate(cases)


if __name__ == "__main__":
    main()
