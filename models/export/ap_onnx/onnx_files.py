"""torch.onnx.export with the settings of docs/aniportrait-engine.md §5.5, and the files it leaves.

The TorchScript-based exporter (dynamo=False where the torch version has that switch), opset 17,
constant folding, eval-mode training flag, the manifest's names and dynamic axes. The exporter writes
models over 2 GB as one file per tensor; every graph is therefore exported into a scratch folder, then
loaded with onnx, its I/O declarations completed from the manifest, and saved as one `.onnx` file, or,
when its tensors exceed SINGLE_FILE_LIMIT, as `<name>.onnx` plus all tensors in `<name>.onnx.data`.
"""
from __future__ import annotations

import inspect
import shutil
from pathlib import Path
from typing import Dict, List, Mapping

import torch

from . import ExportError
from .einops_shim import traceable_einops
from .manifest import GraphSpec, check_signature, dynamic_axes, pin_io_shapes
from .plan import ExportPlan

OPSET = 17
SINGLE_FILE_LIMIT = 1_900_000_000  # bytes of tensors; protobuf cannot hold 2 GiB, leave room for the graph


def export_graph(plan: ExportPlan, graph: GraphSpec, dims: Mapping[str, int], out_dir: Path, device: torch.device) -> Path:
    """Traces plan.module on plan.cases[0] and writes out_dir/graph.file (+ .data when large)."""
    import onnx

    final = out_dir / graph.file
    work = out_dir / f".export-{graph.name}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    try:
        traced = work / graph.file
        _trace(plan, graph, dims, traced, device)
        model = onnx.load(str(traced))  # also reads the per-tensor files the exporter may have written
        _require_inference_batchnorm(model, graph)
        pin_io_shapes(model, graph, dims)
        _save(model, final)
        del model
    finally:
        shutil.rmtree(work, ignore_errors=True)
    onnx.checker.check_model(str(final))
    return final


def _trace(plan: ExportPlan, graph: GraphSpec, dims: Mapping[str, int], path: Path, device: torch.device) -> None:
    kwargs: Dict[str, object] = dict(
        input_names=graph.input_names,
        output_names=graph.output_names,
        dynamic_axes=dynamic_axes(graph, dims),
        opset_version=OPSET,
        do_constant_folding=True,
        export_params=True,
        training=torch.onnx.TrainingMode.EVAL,
    )
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        kwargs["dynamo"] = False  # the TorchScript exporter; newer torch defaults to the dynamo one
    args = tuple(t.to(device) for t in plan.cases[0].inputs)
    plan.module.eval()
    with torch.no_grad(), traceable_einops():
        torch.onnx.export(plan.module, args, str(path), **kwargs)


def _require_inference_batchnorm(model: "object", graph: GraphSpec) -> None:
    """BatchNorm must be exported in eval mode (docs/aniportrait-engine.md §5.5): no training_mode=1 nodes."""
    for node in model.graph.node:  # type: ignore[attr-defined]
        if node.op_type == "BatchNormalization" and any(a.name == "training_mode" and a.i == 1 for a in node.attribute):
            raise ExportError(f"{graph.file}: BatchNormalization {node.name} was exported in training mode")


def tensor_bytes(model: "object") -> int:
    total = 0
    for tensor in model.graph.initializer:  # type: ignore[attr-defined]
        total += len(tensor.raw_data) if tensor.raw_data else tensor.ByteSize()
    for node in model.graph.node:  # type: ignore[attr-defined]
        for attribute in node.attribute:
            if attribute.HasField("t"):
                total += attribute.t.ByteSize()
    return total


def _save(model: "object", final: Path) -> None:
    import onnx

    data = final.with_name(final.name + ".data")
    for stale in (final, data):
        if stale.exists():
            stale.unlink()  # onnx appends to an existing .data file
    if tensor_bytes(model) > SINGLE_FILE_LIMIT:
        onnx.save_model(
            model,  # type: ignore[arg-type]
            str(final),
            save_as_external_data=True,
            all_tensors_to_one_file=True,
            location=data.name,
            size_threshold=1024,
        )
        data.chmod(final.stat().st_mode & 0o777)  # onnx creates it 0600; give it the .onnx file's permissions
    else:
        onnx.save_model(model, str(final))  # type: ignore[arg-type]


def check_file(path: Path, graph: GraphSpec, dims: Mapping[str, int]) -> List[str]:
    """The written file's I/O against the manifest (names, dtypes, ranks, fixed sizes, dynamic axes)."""
    import onnx

    model = onnx.load(str(path), load_external_data=False)
    return check_signature(model, graph, dims)


def files_of(path: Path) -> List[Path]:
    data = path.with_name(path.name + ".data")
    return [p for p in (path, data) if p.exists()]


def size_on_disk(path: Path) -> int:
    return sum(p.stat().st_size for p in files_of(path))
