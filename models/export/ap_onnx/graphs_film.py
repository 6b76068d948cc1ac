"""film_net.onnx (docs/aniportrait-engine.md §5.1 row 11): FILM "Style" frame interpolation for -acc.

Traced at the manifest's fixed 512x512 (a multiple of 64, as the 7-level pyramid needs). Internals are
float32 by default even with --fp16: the graph uses GridSample (bilinear, border) and linspace (Range),
whose float16 kernels onnxruntime does not provide on every provider, and FILM is a small part of the
run time. The f16 weights of film_net_fp16.pt are copied exactly; --film-fp16 keeps AniPortrait's f16.
"""
from __future__ import annotations

import torch
from torch import nn

from .manifest import concrete_shape
from .plan import Case, Context, ExportPlan
from .sources import build_film


class FilmGraph(nn.Module):
    """x0, x1 RGB in [0, 1] [1,3,H,W], dt [1,1] -> the in-between image (not clamped; TypeScript clamps)."""

    def __init__(self, interpolator: nn.Module, dtype: torch.dtype) -> None:
        super().__init__()
        self.interpolator, self.internal_dtype = interpolator, dtype

    def forward(self, x0: torch.Tensor, x1: torch.Tensor, dt: torch.Tensor) -> torch.Tensor:
        d = self.internal_dtype
        return self.interpolator(x0.to(d), x1.to(d), dt.to(d)).float()


def plan_film_net(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("film_net"), ctx.rng("film_net"), ctx.film_dtype
    model = build_film(ctx.sources).to(device=ctx.device, dtype=dt).eval()
    shape = concrete_shape(spec.inputs[0], ctx.dims, {})

    def case(time: float) -> Case:
        x0 = torch.rand(*shape, generator=gen)
        x1 = (x0 + 0.1 * torch.randn(*shape, generator=gen)).clamp(0.0, 1.0)
        return Case(f"dt={time:g}", (x0, x1, torch.full((1, 1), time)))

    # dt values of AniPortrait's fi_step 3 schedule (docs/aniportrait-engine.md §4.2): 0.333251953125 (f16-rounded 1/3), then 0.5.
    cases = [case(0.5), case(0.333251953125)]
    precision = "fp16" if dt == torch.float16 else "fp32"
    return ExportPlan(FilmGraph(model, dt), cases, precision)


PLANS = {"film_net": plan_film_net}
