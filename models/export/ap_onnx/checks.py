"""--validate checks against AniPortrait's own code paths, beyond "ONNX equals the wrapper".

bank_equivalence   PyTorch only: reference_unet + denoising_unet wrappers (explicit bank, two batch-1
                   calls) vs Pose2VideoPipeline's way: ReferenceAttentionControl hooks, CFG batch of 2
                   with uc_mask. Run at a reduced latent size and F=4 (a semantic check; size-independent).
audio_pipeline     the four exported audio graphs chained as the TypeScript engine will (CNN, 30 fps
                   linear resampling, transformer, one step per frame) vs Audio2MeshModel.infer and
                   Audio2PoseModel.infer on the same normalised waveform.
"""
from __future__ import annotations

import math
from pathlib import Path
from typing import Callable, Dict, List, Tuple

import numpy as np
import torch

from .bank import remove_reference_hooks
from .graphs_video import DenoisingUnetGraph, ReferenceUnetGraph, bank_names, denoiser_inputs, prepare, to_frames
from .plan import Context
from .sources import build_denoising_unet, build_reference_unet
from .validate import Verdict, status_for

CHECK_FRAMES = 4


def _max_errors(got: torch.Tensor, want: torch.Tensor) -> Tuple[float, float]:
    got, want = got.double().cpu(), want.double().cpu()
    abs_err = float((got - want).abs().max())
    scale = float(want.abs().max())
    return abs_err, abs_err / scale if scale > 0 else abs_err


def bank_equivalence(ctx: Context) -> Verdict:
    from src.models.mutual_self_attention import ReferenceAttentionControl

    dt, dev = ctx.video_dtype, ctx.device
    reference_unet = prepare(build_reference_unet(ctx.sources), ctx, dt)
    denoising_unet = prepare(build_denoising_unet(ctx.sources), ctx, dt)
    ref_latent, clip, latents, pose_cpu = _bank_check_inputs(ctx)
    ref_latent, clip, latents = ref_latent.to(dev, dt), clip.to(dev, dt), latents.to(dev, dt)
    pose = [p.to(dev, dt) for p in pose_cpu]

    with torch.no_grad():
        # AniPortrait: CFG batch [uncond; cond], hooks write/read the bank (pipeline_pose2vid_long.py).
        writer = ReferenceAttentionControl(reference_unet, do_classifier_free_guidance=True, mode="write", batch_size=1, fusion_blocks="full")
        reader = ReferenceAttentionControl(denoising_unet, do_classifier_free_guidance=True, mode="read", batch_size=1, fusion_blocks="full")
        both = torch.cat([torch.zeros_like(clip), clip])
        reference_unet(ref_latent.repeat(2, 1, 1, 1), torch.tensor(0, device=dev), encoder_hidden_states=both, return_dict=False)
        reader.update(writer, dtype=dt)
        original = denoising_unet(
            latents.repeat(2, 1, 1, 1, 1),
            torch.tensor(999, device=dev),
            encoder_hidden_states=both,
            pose_cond_fea=[p.repeat(2, 1, 1, 1, 1) for p in pose],
            return_dict=False,
        )[0]
        original_uncond, original_cond = (to_frames(v).float() for v in original.chunk(2))
        reader.clear()
        writer.clear()
        remove_reference_hooks(reference_unet)
        remove_reference_hooks(denoising_unet)

        # This exporter: explicit bank, two batch-1 calls (Mode A).
        pose_names, banks = denoiser_inputs(ctx)
        bank = ReferenceUnetGraph(reference_unet, dt, bank_names(ctx))(ref_latent.float(), torch.zeros(1, device=dev), clip.float())
        denoise = DenoisingUnetGraph(denoising_unet, dt, pose_names, banks)
        frames, pose_frames = to_frames(latents).float(), [to_frames(p).float() for p in pose]
        t = torch.full((1,), 999.0, device=dev)
        cond = denoise(frames, t, clip.float(), *pose_frames, *bank)
        uncond = denoise(frames, t, torch.zeros_like(clip).float(), *pose_frames, *(b[:, :0] for b in bank))

    errors = [_max_errors(cond, original_cond), _max_errors(uncond, original_uncond)]
    for label, (abs_err, rel_err) in zip(("cond (bank)", "uncond (K=0)"), errors):
        print(f"    {label:<14} vs ReferenceAttentionControl: max|d| {abs_err:.3e}  rel {rel_err:.3e}")
    worst_abs, worst_rel = max(e[0] for e in errors), max(e[1] for e in errors)
    precision = "fp16" if dt == torch.float16 else "fp32"
    return Verdict("bank equivalence (PyTorch)", status_for(worst_rel, precision), worst_abs, worst_rel, "torch")


def _bank_check_inputs(ctx: Context) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor, List[torch.Tensor]]:
    gen = ctx.rng("bank_equivalence")
    size = max(8, ctx.dims["LAT_H"] // 2)  # any multiple of 8 works for the UNets
    c0, c1, c2 = ctx.dims["C0"], ctx.dims["C1"], ctx.dims["C2"]
    f = CHECK_FRAMES
    pose_shapes = [(c0, size), (c0, size // 2), (c1, size // 4), (c2, size // 8), (c2, size // 8)]
    pose = [torch.randn(1, c, f, s, s, generator=gen) for c, s in pose_shapes]
    ref_latent = torch.randn(1, 4, size, size, generator=gen)
    clip = torch.randn(1, 1, ctx.dims["EMBED"], generator=gen)
    latents = torch.randn(1, 4, f, size, size, generator=gen)
    return ref_latent, clip, latents, pose


# ---- audio pipeline ------------------------------------------------------------------------------------


def resample_features(features: np.ndarray, frames: int) -> np.ndarray:
    """F.interpolate(mode='linear', align_corners=True) along time (docs/aniportrait-engine.md §1.2), as the engine does in TS."""
    length = features.shape[1]
    if frames == 1 or length == 1:
        source = np.zeros(frames, dtype=np.float32)
    else:
        source = np.arange(frames, dtype=np.float32) * (np.float32(length - 1) / np.float32(frames - 1))
    lower = np.floor(source).astype(np.int64)
    upper = np.minimum(lower + 1, length - 1)
    weight = (source - lower).astype(np.float32)[None, :, None]
    return ((1 - weight) * features[:, lower] + weight * features[:, upper]).astype(np.float32)


def audio_pipeline(ctx: Context, out_dir: Path, providers: List[str]) -> Verdict:
    import onnxruntime as ort

    a2m, a2p = ctx.audio_model("a2m"), ctx.audio_model("a2p")
    gen = ctx.rng("audio_pipeline")
    samples = 16000 * 2 + 321
    wave = torch.randn(1, samples, generator=gen)
    wave = (wave - wave.mean()) / torch.sqrt(wave.var(unbiased=False) + 1e-7)
    frames = math.ceil(samples / 16000 * 30)
    identity = 37

    with torch.no_grad():
        x = wave.to(ctx.device)
        want_mesh = a2m.infer(x, frames).float().cpu().numpy()
        want_pose = a2p.infer(x, frames, torch.tensor([identity], device=ctx.device)).float().cpu().numpy()

    def session(name: str) -> Callable[..., List[np.ndarray]]:
        s = ort.InferenceSession(str(out_dir / f"{name}.onnx"), providers=providers)
        return lambda **feeds: s.run(None, feeds)

    cnn, mesh_graph, encoder, step = (session(n) for n in ("w2v_feature_encoder", "audio2mesh", "audio2pose_encoder", "audio2pose_step"))
    features = resample_features(cnn(input_values=wave.numpy())[0], frames)
    got_mesh = mesh_graph(features=features)[0]
    memory = encoder(features=features)[0]
    history = np.zeros((1, 1, 6), dtype=np.float32)
    for _ in range(frames):
        pose = step(pose_hist=history, memory=memory, id_seed=np.array([identity], dtype=np.int64))[0]
        history = np.concatenate([history, pose[:, None, :]], axis=1)
    got_pose = history[:, 1:]

    errors: Dict[str, Tuple[float, float]] = {}
    for label, got, want in (("offsets", got_mesh, want_mesh), ("poses", got_pose, want_pose)):
        errors[label] = _max_errors(torch.from_numpy(got), torch.from_numpy(want))
        print(f"    {label:<8} [{frames} frames] vs AniPortrait infer(): max|d| {errors[label][0]:.3e}  rel {errors[label][1]:.3e}")
    worst_abs = max(e[0] for e in errors.values())
    worst_rel = max(e[1] for e in errors.values())
    return Verdict("audio pipeline (ONNX chain)", status_for(worst_rel, "fp32"), worst_abs, worst_rel, providers[0])
