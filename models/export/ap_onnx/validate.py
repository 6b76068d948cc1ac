"""--validate: onnxruntime on the exported file vs PyTorch on the same random inputs.

The PyTorch side is computed before export, with AniPortrait's real einops, the same device and the
same internal dtype (for audio2pose_step, with AniPortrait's own nn.TransformerDecoder and masks).
Errors are reported per output as max |onnx - torch| and that divided by max |torch| ("rel").
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import List, Sequence

import numpy as np

from .manifest import GraphSpec, describe_shape
from .plan import Case

# rel tolerance by internal precision: PASS at or below, WARN up to 10x, FAIL above.
TOLERANCE = {"fp32": 5e-3, "fp16": 5e-2}


@dataclass
class Verdict:
    graph: str
    status: str  # PASS, WARN, FAIL, ERROR
    max_abs: float
    max_rel: float
    provider: str
    detail: str = ""


def providers_for(device: str) -> List[str]:
    import onnxruntime as ort

    available = ort.get_available_providers()
    if device.startswith("cuda") and "CUDAExecutionProvider" in available:
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    return ["CPUExecutionProvider"]


def compare(path: Path, graph: GraphSpec, cases: Sequence[Case], expected: Sequence[Sequence[np.ndarray]], precision: str, providers: List[str]) -> Verdict:
    import onnxruntime as ort

    try:
        session = ort.InferenceSession(str(path), providers=providers)
    except Exception as error:  # noqa: BLE001 - any load failure is reported, not raised
        return Verdict(graph.file, "ERROR", float("nan"), float("nan"), ",".join(providers), f"session failed to load: {error}")
    provider = session.get_providers()[0]
    print(f"  validate {graph.file} with onnxruntime {ort.__version__} on {provider}")
    worst_abs = worst_rel = 0.0
    for case, reference in zip(cases, expected):
        feeds = {spec.name: tensor.numpy() for spec, tensor in zip(graph.inputs, case.inputs)}
        try:
            outputs = session.run(graph.output_names, feeds)
        except Exception as error:  # noqa: BLE001
            return Verdict(graph.file, "ERROR", float("nan"), float("nan"), provider, f"{case.label}: run failed: {error}")
        for spec, got, want in zip(graph.outputs, outputs, reference):
            if got.shape != want.shape:
                return Verdict(graph.file, "FAIL", float("inf"), float("inf"), provider,
                               f"{case.label}: {spec.name} has shape {describe_shape(got.shape)}, PyTorch {describe_shape(want.shape)}")
            abs_err, rel_err = _errors(got, want)
            worst_abs, worst_rel = max(worst_abs, abs_err), max(worst_rel, rel_err)
            print(f"    {case.label:<28} {spec.name:<18} {describe_shape(got.shape):<20} max|d| {abs_err:.3e}  rel {rel_err:.3e}")
    return Verdict(graph.file, status_for(worst_rel, precision), worst_abs, worst_rel, provider)


def _errors(got: np.ndarray, want: np.ndarray) -> "tuple[float, float]":
    if want.size == 0:
        return 0.0, 0.0
    diff = np.abs(got.astype(np.float64) - want.astype(np.float64))
    if not np.all(np.isfinite(diff)):
        return float("inf"), float("inf")
    abs_err = float(diff.max())
    scale = float(np.abs(want).max())
    return abs_err, abs_err / scale if scale > 0 else abs_err


def status_for(rel: float, precision: str) -> str:
    tolerance = TOLERANCE[precision]
    if rel <= tolerance:
        return "PASS"
    return "WARN" if rel <= 10 * tolerance else "FAIL"
