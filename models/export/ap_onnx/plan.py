"""What the exporter needs per graph (ExportPlan) and the state shared by all graphs of a run (Context)."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import torch
from torch import nn

from .manifest import GraphSpec, Manifest
from .sources import Sources, build_audio_model


@dataclass
class Case:
    """One set of example inputs, CPU tensors in the manifest's input order (float32 or int64)."""

    label: str
    inputs: Tuple[torch.Tensor, ...]


@dataclass
class ExportPlan:
    module: nn.Module  # the wrapper torch.onnx.export traces, already on the export device
    cases: List[Case]  # cases[0] is traced; --validate runs all of them
    precision: str  # internal precision of the graph: "fp16" or "fp32"
    reference: Optional[Callable[..., Sequence[torch.Tensor]]] = None  # PyTorch ground truth; default: module
    notes: List[str] = field(default_factory=list)


@dataclass
class Context:
    sources: Sources
    manifest: Manifest
    dims: Dict[str, int]
    device: torch.device
    video_dtype: torch.dtype  # internal dtype of the Lmk2Video graphs
    film_dtype: torch.dtype
    trace_frames: int  # F the denoising UNet is traced with (a dynamic axis either way)
    seed: int
    cache: Dict[str, nn.Module] = field(default_factory=dict)

    def graph(self, name: str) -> GraphSpec:
        return self.manifest.graph(name)

    def rng(self, name: str) -> torch.Generator:
        """A generator seeded per graph, so example inputs do not depend on which graphs run."""
        return torch.Generator().manual_seed(self.seed * 1_000_003 + zlib.crc32(name.encode()))

    def audio_model(self, which: str) -> nn.Module:
        """The audio model `which` ("a2m": Audio2MeshModel, "a2p": Audio2PoseModel), fp32 on the device, kept for the run."""
        if which not in self.cache:
            model = build_audio_model(self.sources, which)
            if which == "a2p" and self.sources.random_init:
                # The real checkpoints share the frozen CNN (docs/aniportrait-engine.md §1.2); keep that true for random weights,
                # so w2v_feature_encoder.onnx serves both models here as well.
                cnn = self.audio_model("a2m").audio_encoder.feature_extractor
                model.audio_encoder.feature_extractor.load_state_dict(cnn.state_dict())
            self.cache[which] = model.to(self.device)
        return self.cache[which]

def run_torch(fn: Callable[..., object], case: Case, device: torch.device) -> List[np.ndarray]:
    """Runs a wrapper (or reference) on one case and returns float32/int64 numpy outputs."""
    with torch.no_grad():
        outputs = fn(*(t.to(device) for t in case.inputs))
    if isinstance(outputs, torch.Tensor):
        outputs = (outputs,)
    return [o.detach().float().cpu().numpy() for o in outputs]  # type: ignore[union-attr]
