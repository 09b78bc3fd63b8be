"""The JAX reference for JAXCrossCheckTests (run outside the package, in a venv with jax):

    swift test --filter JAXCrossCheckTests/testDumpInputsWhenAsked  (with REPRO_CONV_DUMP=<dir>)
    python jax_reference.py <dir>/vgg11-2-input.json jax-vgg11-2.json

It reads the architecture (the same node list our engine reads), every tensor, the pixels and
labels, and computes in float64 with JAX's own ops (lax convolutions and windows,
jax.image.resize, autodiff): inference-mode logits, per-image losses and input gradients, and
training-mode mean loss, parameter gradients and updated running statistics.
"""
import json
import sys

import jax
import jax.numpy as jnp
from jax import lax

jax.config.update("jax_enable_x64", True)
EPS, MOMENTUM = 1e-5, 0.1


def forward(params, stats, x, nodes, training):
    outs, new_stats = [], {}
    for i, node in enumerate(nodes):
        (kind, arg), = node["op"].items()
        sources = node.get("from") or [i - 1]
        inputs = [x if s == -1 else outs[s] for s in sources]
        h = inputs[0]
        if kind == "resize":
            n, c = h.shape[:2]
            h = jax.image.resize(h, (n, c, arg["height"], arg["width"]), method="linear")
        elif kind == "normalize":
            mean = jnp.array(arg["mean"])[None, :, None, None]
            std = jnp.array(arg["std"])[None, :, None, None]
            h = (h - mean) / std
        elif kind == "conv":
            w = params[arg["name"] + ".weight"]
            p, s = arg["padding"], arg["stride"]
            h = lax.conv_general_dilated(h, w, (s, s), [(p, p), (p, p)],
                                         dimension_numbers=("NCHW", "OIHW", "NCHW"))
            if arg["bias"]:
                h = h + params[arg["name"] + ".bias"][None, :, None, None]
        elif kind == "batchNorm":
            name = arg["name"]
            gamma = params[name + ".weight"][None, :, None, None]
            beta = params[name + ".bias"][None, :, None, None]
            if training:
                mean = h.mean(axis=(0, 2, 3))
                var = ((h - mean[None, :, None, None]) ** 2).mean(axis=(0, 2, 3))
                m = h.shape[0] * h.shape[2] * h.shape[3]
                new_stats[name] = ((1 - MOMENTUM) * stats[name][0] + MOMENTUM * mean,
                                   (1 - MOMENTUM) * stats[name][1] + MOMENTUM * var * m / (m - 1))
            else:
                mean, var = stats[name]
            h = gamma * (h - mean[None, :, None, None]) / jnp.sqrt(var[None, :, None, None] + EPS) + beta
        elif kind == "relu":
            h = jnp.maximum(h, 0)
        elif kind == "maxPool":
            k, s = arg["size"], arg["stride"]
            h = lax.reduce_window(h, -jnp.inf, lax.max, (1, 1, k, k), (1, 1, s, s), "VALID")
        elif kind == "averagePool":
            k, s = arg["size"], arg["stride"]
            h = lax.reduce_window(h, 0.0, lax.add, (1, 1, k, k), (1, 1, s, s), "VALID") / (k * k)
        elif kind == "add":
            h = sum(inputs[1:], inputs[0])
        elif kind == "flatten":
            h = h.reshape(h.shape[0], -1)
        elif kind == "dense":
            h = h @ params[arg["name"] + ".weight"].T
            if arg["bias"]:
                h = h + params[arg["name"] + ".bias"]
        else:
            raise ValueError(kind)
        outs.append(h)
    return outs[-1], new_stats


def losses(logits, labels):
    return -jnp.take_along_axis(jax.nn.log_softmax(logits), labels[:, None], axis=1)[:, 0]


def main(source, target):
    case = json.load(open(source))
    nodes = case["architecture"]["nodes"]
    tensors = {k: jnp.array(v["values"]).reshape([int(d) for d in v["shape"]]) for k, v in case["tensors"].items()}
    stats = {k[: -len(".running_mean")]: (tensors[k], tensors[k[: -len("mean")] + "var"])
             for k in tensors if k.endswith(".running_mean")}
    params = {k: v for k, v in tensors.items() if not k.endswith(("running_mean", "running_var"))}
    masks = {k: (v != 0).astype(v.dtype) for k, v in params.items() if v.ndim >= 2}
    labels = jnp.array(case["labels"])
    x = jnp.array(case["pixels"]).reshape(len(case["labels"]), *case["architecture"]["input"])

    def masked(p):
        return {k: v * masks[k] if k in masks else v for k, v in p.items()}

    logits, _ = forward(params, stats, x, nodes, False)
    per_image = losses(logits, labels)
    input_gradients = jax.grad(lambda x: losses(forward(params, stats, x, nodes, False)[0], labels).sum())(x)

    def training_loss(p):
        out, new_stats = forward(masked(p), stats, x, nodes, True)
        return losses(out, labels).mean(), new_stats

    (loss, new_stats), grads = jax.value_and_grad(training_loss, has_aux=True)(params)
    grads = masked(grads)

    def flat(a):
        return [float(f"{float(v):.9g}") for v in jnp.ravel(a)]

    json.dump({
        "jax": jax.__version__,
        "inference": {"logits": flat(logits), "losses": flat(per_image), "inputGradients": flat(input_gradients)},
        "training": {"loss": float(loss), "gradients": {k: flat(v) for k, v in grads.items()},
                     "runningMean": {k: flat(v[0]) for k, v in new_stats.items()},
                     "runningVar": {k: flat(v[1]) for k, v in new_stats.items()}},
    }, open(target, "w"), sort_keys=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
