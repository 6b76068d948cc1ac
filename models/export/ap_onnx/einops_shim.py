"""Traceable stand-ins for the einops patterns on AniPortrait's video export path.

AniPortrait's 3D modules reshape between [B, C, F, H, W] and per-frame batches with einops, passing
`f=video_length`. einops works out the target shape in Python; under torch.onnx tracing that can
freeze the frame count the graph was traced with (docs/aniportrait-engine.md §5.5). These
replacements use reshape/permute/expand with sizes read from the tensors, which the tracer records as
Shape ops, so F (and the pose guider's frame count) stay dynamic axes.

Only the patterns the exported modules use are implemented; any other pattern raises rather than
falling back to einops, so nothing can silently bake a size. The patch is applied only while
torch.onnx.export traces (traceable_einops()); PyTorch reference outputs for --validate are computed
with the real einops, so a mistake here shows up as a validation failure.
"""
from __future__ import annotations

import contextlib
import sys
from typing import Any, Callable, Dict, Iterator, List, Tuple

import torch

from . import ExportError

Size = Any  # an int, or a 0-d tensor while tracing


def _frames_to_batch(x: torch.Tensor) -> torch.Tensor:
    """b c f h w -> (b f) c h w"""
    _, channels, _, height, width = x.shape
    return x.permute(0, 2, 1, 3, 4).reshape(-1, channels, height, width)


def _batch_to_frames(x: torch.Tensor, f: Size = None, b: Size = None) -> torch.Tensor:
    """(b f) c h w -> b c f h w, given f or b"""
    _, channels, height, width = x.shape
    if f is not None:
        video = x.reshape(-1, f, channels, height, width)
    elif b is not None:
        video = x.reshape(b, -1, channels, height, width)
    else:
        raise ExportError("'(b f) c h w -> b c f h w' needs f or b")
    return video.permute(0, 2, 1, 3, 4)


def _frames_to_positions(x: torch.Tensor, f: Size) -> torch.Tensor:
    """(b f) d c -> (b d) f c: one sequence over the frames per spatial position"""
    _, positions, channels = x.shape
    return x.reshape(-1, f, positions, channels).permute(0, 2, 1, 3).reshape(-1, f, channels)


def _positions_to_frames(x: torch.Tensor, d: Size) -> torch.Tensor:
    """(b d) f c -> (b f) d c"""
    _, frames, channels = x.shape
    return x.reshape(-1, d, frames, channels).permute(0, 2, 1, 3).reshape(-1, d, channels)


def _repeat_rows(x: torch.Tensor, **count: Size) -> torch.Tensor:
    """b n c -> (b k) n c, each row repeated k times in place (k given as f or d)"""
    if len(count) != 1:
        raise ExportError(f"repeat 'b n c -> (b k) n c' needs exactly one count, got {sorted(count)}")
    (times,) = count.values()
    batch, tokens, channels = x.shape
    return x.unsqueeze(1).expand(batch, times, tokens, channels).reshape(-1, tokens, channels)


_REARRANGE: Dict[str, Callable[..., torch.Tensor]] = {
    "b c f h w -> (b f) c h w": _frames_to_batch,
    "(b f) c h w -> b c f h w": _batch_to_frames,
    "(b f) d c -> (b d) f c": _frames_to_positions,
    "(b d) f c -> (b f) d c": _positions_to_frames,
}
_REPEAT: Dict[str, Callable[..., torch.Tensor]] = {
    "b n c -> (b f) n c": _repeat_rows,
    "b n c -> (b d) n c": _repeat_rows,
}

# AniPortrait modules that call einops on the export path (module-level names, patched in place).
_PATCHED_MODULES = (
    "src.models.resnet",
    "src.models.transformer_3d",
    "src.models.motion_module",
    "src.models.attention",
    "src.models.pose_guider",
)


def rearrange(tensor: torch.Tensor, pattern: str, **axes: Size) -> torch.Tensor:
    return _lookup(_REARRANGE, "rearrange", pattern)(tensor, **axes)


def repeat(tensor: torch.Tensor, pattern: str, **axes: Size) -> torch.Tensor:
    return _lookup(_REPEAT, "repeat", pattern)(tensor, **axes)


def _lookup(table: Dict[str, Callable[..., torch.Tensor]], op: str, pattern: str) -> Callable[..., torch.Tensor]:
    fn = table.get(" ".join(pattern.split()))
    if fn is None:
        raise ExportError(
            f"einops.{op}({pattern!r}) is not on the known export path of AniPortrait 7f6593f; "
            "add a traceable version to models/export/ap_onnx/einops_shim.py"
        )
    return fn


@contextlib.contextmanager
def traceable_einops() -> Iterator[None]:
    """Swaps AniPortrait's module-level `rearrange`/`repeat` for the traceable ones, and back."""
    saved: List[Tuple[Any, str, Any]] = []
    try:
        for name in _PATCHED_MODULES:
            module = sys.modules.get(name)  # a module not imported yet cannot be on the traced path
            if module is None:
                continue
            for attr, replacement in (("rearrange", rearrange), ("repeat", repeat)):
                if hasattr(module, attr):
                    saved.append((module, attr, getattr(module, attr)))
                    setattr(module, attr, replacement)
        yield
    finally:
        for module, attr, original in reversed(saved):
            setattr(module, attr, original)
