"""Lmk2Video graphs (docs/aniportrait-engine.md §3 and §5.1 rows 5-10).

Every wrapper takes and returns float32 and casts to the internal dtype inside (fp16 by default, as
AniPortrait runs these models), so the TypeScript side never handles half floats. Video tensors are
frame-major at the graph boundary ([F, C, h, w]); the wrappers permute to AniPortrait's [1, C, F, h, w]
(batch 1: CFG runs as two batch-1 calls, mode A, docs/aniportrait-engine.md §3.5).
"""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

import torch
from torch import nn

from . import ExportError
from .bank import install_readers, install_writers
from .export_attention import use_export_attention
from .manifest import GraphSpec, concrete_shape, fixed_size
from .plan import Case, Context, ExportPlan
from .sources import build_clip, build_denoising_unet, build_pose_guider, build_reference_unet, build_vae


def to_video(frames: torch.Tensor) -> torch.Tensor:
    """[F, C, h, w] -> [1, C, F, h, w]"""
    return frames.permute(1, 0, 2, 3).unsqueeze(0)


def to_frames(video: torch.Tensor) -> torch.Tensor:
    """[1, C, F, h, w] -> [F, C, h, w]"""
    return video.squeeze(0).permute(1, 0, 2, 3)


class ClipImageEncoderGraph(nn.Module):
    """clip_image_encoder.onnx: CLIPVisionModelWithProjection(...).image_embeds (not L2-normalised)."""

    def __init__(self, encoder: nn.Module, dtype: torch.dtype) -> None:
        super().__init__()
        self.encoder, self.internal_dtype = encoder, dtype

    def forward(self, pixel_values: torch.Tensor) -> torch.Tensor:
        return self.encoder(pixel_values=pixel_values.to(self.internal_dtype)).image_embeds.float()


class VaeEncoderGraph(nn.Module):
    """vae_encoder.onnx: latent_dist.mean, NOT multiplied by 0.18215 (TypeScript does that)."""

    def __init__(self, vae: nn.Module, dtype: torch.dtype) -> None:
        super().__init__()
        self.vae, self.internal_dtype = vae, dtype

    def forward(self, image: torch.Tensor) -> torch.Tensor:
        return self.vae.encode(image.to(self.internal_dtype)).latent_dist.mean.float()


class VaeDecoderGraph(nn.Module):
    """vae_decoder.onnx: input already divided by 0.18215; output about [-1, 1], not clamped."""

    def __init__(self, vae: nn.Module, dtype: torch.dtype) -> None:
        super().__init__()
        self.vae, self.internal_dtype = vae, dtype

    def forward(self, latent: torch.Tensor) -> torch.Tensor:
        return self.vae.decode(latent.to(self.internal_dtype)).sample.float()


class ReferenceUnetGraph(nn.Module):
    """reference_unet.onnx: the 16 bank tensors (norm1 outputs of the spatial transformer blocks).

    AniPortrait's UNet2DConditionModel has no conv_out; everything after the last recorded norm1 is dead
    code and the exporter prunes it, so the graph ends at up_blocks.3.attentions.2's norm1."""

    def __init__(self, unet: nn.Module, dtype: torch.dtype, bank_names: Sequence[str]) -> None:
        super().__init__()
        from src.models.attention import BasicTransformerBlock

        self.unet, self.internal_dtype, self.bank_names = unet, dtype, list(bank_names)
        self._recorded: Dict[str, torch.Tensor] = {}
        install_writers(unet, BasicTransformerBlock, self.bank_names, self._recorded)

    def forward(self, sample: torch.Tensor, timestep: torch.Tensor, encoder_hidden_states: torch.Tensor) -> Tuple[torch.Tensor, ...]:
        self._recorded.clear()
        dt = self.internal_dtype
        self.unet(sample.to(dt), timestep, encoder_hidden_states=encoder_hidden_states.to(dt), return_dict=False)
        missing = [n for n in self.bank_names if n not in self._recorded]
        if missing:
            raise ExportError(f"the reference pass did not reach {missing}")
        return tuple(self._recorded[n].float() for n in self.bank_names)


class PoseGuiderGraph(nn.Module):
    """pose_guider.onnx: the 5 pose feature maps per frame (BatchNorm in eval mode: frames independent).

    PoseGuider.forward also takes the reference pose image, but its branch never reaches the output
    (docs/aniportrait-engine.md §3.2); the wrapper passes the first frame there and the exporter prunes that branch."""

    def __init__(self, guider: nn.Module, dtype: torch.dtype) -> None:
        super().__init__()
        self.guider, self.internal_dtype = guider, dtype

    def forward(self, pose: torch.Tensor) -> Tuple[torch.Tensor, ...]:
        frames = pose.to(self.internal_dtype)
        features = self.guider(to_video(frames), frames[:1])
        return tuple(to_frames(f).float() for f in features)


class DenoisingUnetGraph(nn.Module):
    """denoising_unet.onnx: one batch-1 call of the UNet3D (v-prediction) on a window of F frames.

    Inputs: sample, timestep, encoder_hidden_states, pose_fea_0..4, then the 16 bank tensors [1, K, C]
    (K = 0 for the unconditional call: plain self-attention)."""

    def __init__(self, unet: nn.Module, dtype: torch.dtype, pose_names: Sequence[str], bank_names: Sequence[str]) -> None:
        super().__init__()
        from src.models.attention import TemporalBasicTransformerBlock

        self.unet, self.internal_dtype = unet, dtype
        self.pose_count, self.bank_names = len(pose_names), list(bank_names)
        self._banks: Dict[str, torch.Tensor] = {}
        install_readers(unet, TemporalBasicTransformerBlock, self.bank_names, self._banks)

    def forward(self, sample: torch.Tensor, timestep: torch.Tensor, encoder_hidden_states: torch.Tensor, *conditions: torch.Tensor) -> torch.Tensor:
        if len(conditions) != self.pose_count + len(self.bank_names):
            raise ExportError(f"denoising_unet got {len(conditions)} pose/bank tensors, expected {self.pose_count + len(self.bank_names)}")
        dt = self.internal_dtype
        pose = [to_video(p.to(dt)) for p in conditions[: self.pose_count]]
        for name, bank in zip(self.bank_names, conditions[self.pose_count :]):
            self._banks[name] = bank.to(dt)
        out = self.unet(
            to_video(sample.to(dt)),
            timestep,  # float32 [1]; the time embedding casts it to float anyway
            encoder_hidden_states=encoder_hidden_states.to(dt),
            pose_cond_fea=pose,
            return_dict=False,
        )[0]
        return to_frames(out).float()


# ---- model preparation -----------------------------------------------------------------------------


def prepare(model: nn.Module, ctx: Context, dtype: torch.dtype) -> nn.Module:
    model = model.to(device=ctx.device, dtype=dtype).eval()
    use_export_attention(model)
    return model


def bank_names(ctx: Context) -> List[str]:
    return ctx.graph("reference_unet").output_names


def denoiser_inputs(ctx: Context) -> Tuple[List[str], List[str]]:
    """(pose feature names, bank names) in the manifest's order, checked against the wrapper's layout."""
    spec = ctx.graph("denoising_unet")
    names = spec.input_names
    pose = [n for n in names if n.startswith("pose_fea_")]
    banks = [n for n in names if n.startswith("ref_")]
    if names != ["sample", "timestep", "encoder_hidden_states", *pose, *banks] or banks != bank_names(ctx):
        raise ExportError("denoising_unet inputs in the manifest are not sample, timestep, encoder_hidden_states, pose_fea_*, ref_* (reference_unet's outputs)")
    return pose, banks


# ---- plans ---------------------------------------------------------------------------------------


def _precision(dtype: torch.dtype) -> str:
    return "fp16" if dtype == torch.float16 else "fp32"


def _random(gen: torch.Generator, shape: Sequence[int], low: float = 0.0, high: float = 1.0) -> torch.Tensor:
    return torch.rand(*shape, generator=gen) * (high - low) + low


def _normal(gen: torch.Generator, shape: Sequence[int], scale: float = 1.0) -> torch.Tensor:
    return torch.randn(*shape, generator=gen) * scale


def _shape(spec: GraphSpec, index: int, ctx: Context, **free: int) -> Tuple[int, ...]:
    return concrete_shape(spec.inputs[index], ctx.dims, free)


def plan_clip_image_encoder(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("clip_image_encoder"), ctx.rng("clip_image_encoder"), ctx.video_dtype
    module = ClipImageEncoderGraph(prepare(build_clip(ctx.sources), ctx, dt), dt)
    return ExportPlan(module, [Case("normalised image", (_normal(gen, _shape(spec, 0, ctx)),))], _precision(dt))


def plan_vae_encoder(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("vae_encoder"), ctx.rng("vae_encoder"), ctx.video_dtype
    module = VaeEncoderGraph(prepare(build_vae(ctx.sources), ctx, dt), dt)
    return ExportPlan(module, [Case("image in [-1,1]", (_random(gen, _shape(spec, 0, ctx), -1.0, 1.0),))], _precision(dt))


def plan_vae_decoder(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("vae_decoder"), ctx.rng("vae_decoder"), ctx.video_dtype
    module = VaeDecoderGraph(prepare(build_vae(ctx.sources), ctx, dt), dt)
    cases = [Case(f"Nd={n}", (_normal(gen, _shape(spec, 0, ctx, Nd=n), 5.0),)) for n in (2, 1)]
    return ExportPlan(module, cases, _precision(dt))


def plan_reference_unet(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("reference_unet"), ctx.rng("reference_unet"), ctx.video_dtype
    module = ReferenceUnetGraph(prepare(build_reference_unet(ctx.sources), ctx, dt), dt, bank_names(ctx))
    inputs = (_normal(gen, _shape(spec, 0, ctx)), torch.zeros(1), _normal(gen, _shape(spec, 2, ctx)))
    return ExportPlan(module, [Case("t=0", inputs)], _precision(dt))


def plan_pose_guider(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("pose_guider"), ctx.rng("pose_guider"), ctx.video_dtype
    module = PoseGuiderGraph(prepare(build_pose_guider(ctx.sources), ctx, dt), dt)

    def pose_frames(count: int) -> torch.Tensor:  # 2v - 1 with v in 0..255, as the release feeds them (docs/aniportrait-engine.md §3.2)
        return torch.randint(0, 256, _shape(spec, 0, ctx, Nf=count), generator=gen).float() * 2.0 - 1.0

    return ExportPlan(module, [Case(f"Nf={n}", (pose_frames(n),)) for n in (2, 1)], _precision(dt))


def plan_denoising_unet(ctx: Context) -> ExportPlan:
    spec, gen, dt = ctx.graph("denoising_unet"), ctx.rng("denoising_unet"), ctx.video_dtype
    pose, banks = denoiser_inputs(ctx)
    module = DenoisingUnetGraph(prepare(build_denoising_unet(ctx.sources), ctx, dt), dt, pose, banks)
    reference = ctx.graph("reference_unet")
    lengths = {n: fixed_size(reference.output(n).shape[1], ctx.dims) for n in banks}

    def case(frames: int, bank_scale: int, timestep: float) -> Case:
        free = {"F": frames}
        for tensor in spec.inputs:
            if tensor.name in lengths:
                free[str(tensor.shape[1])] = int(lengths[tensor.name] or 0) * bank_scale
        tensors = []
        for tensor in spec.inputs:
            shape = concrete_shape(tensor, ctx.dims, free)
            if tensor.name == "timestep":
                tensors.append(torch.tensor([timestep]))
            elif tensor.name == "encoder_hidden_states" and bank_scale == 0:
                tensors.append(torch.zeros(shape))  # unconditional call: zero CLIP token, empty bank
            else:
                tensors.append(_normal(gen, shape))
        kind = {0: "uncond, K=0", 1: "cond, K=L", 2: "K=2L"}[bank_scale]
        return Case(f"F={frames} {kind} t={timestep:g}", tuple(tensors))

    cases = [case(ctx.trace_frames, 1, 999.0), case(4, 0, 519.0), case(2, 2, 39.0)]
    notes = [f"traced with F={ctx.trace_frames}; F and every bank length K are dynamic axes (motion-module PE allows F <= 32)"]
    return ExportPlan(module, cases, _precision(dt), notes=notes)


PLANS = {
    "clip_image_encoder": plan_clip_image_encoder,
    "vae_encoder": plan_vae_encoder,
    "reference_unet": plan_reference_unet,
    "pose_guider": plan_pose_guider,
    "denoising_unet": plan_denoising_unet,
    "vae_decoder": plan_vae_decoder,
}
