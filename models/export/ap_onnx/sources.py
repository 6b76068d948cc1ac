"""The user's AniPortrait checkout, downloaded weights and FILM code, and the models built from them.

Everything is built with AniPortrait's own classes (imported from the checkout via sys.path) and loaded
the way its scripts/audio2vid.py loads them. With `random_init` the same classes get random weights of
the same shapes (configs from arch.py, or from the weights folder's config.json where present), so the
export path can be tried without downloading anything but the two code repositories.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional

import torch
from torch import nn

from . import ExportError, arch

AP_COMMIT = "7f6593f"
FILM_COMMIT = "33bf477"

# What each graph reads from the weights folder (AniPortrait's configs/prompts/animation_audio.yaml layout).
WEIGHT_FILES: Dict[str, List[str]] = {
    "w2v_feature_encoder": ["wav2vec2-base-960h/config.json", "audio2mesh.pt"],
    "audio2mesh": ["wav2vec2-base-960h/config.json", "audio2mesh.pt"],
    "audio2pose_encoder": ["wav2vec2-base-960h/config.json", "audio2pose.pt"],
    "audio2pose_step": ["wav2vec2-base-960h/config.json", "audio2pose.pt"],
    "clip_image_encoder": ["image_encoder/config.json"],
    "vae_encoder": ["sd-vae-ft-mse/config.json"],
    "vae_decoder": ["sd-vae-ft-mse/config.json"],
    "reference_unet": ["stable-diffusion-v1-5/unet/config.json", "reference_unet.pth"],
    "pose_guider": ["pose_guider.pth"],
    "denoising_unet": ["stable-diffusion-v1-5/unet/config.json", "motion_module.pth", "denoising_unet.pth"],
    "film_net": ["film_net_fp16.pt"],
}


@dataclass
class Sources:
    aniportrait: Path
    weights: Path
    film_repo: Optional[Path]
    random_init: bool
    tiny: bool
    scratch: Path  # temporary files (e.g. a wav2vec2 config for random init)

    def weight(self, relative: str) -> Path:
        return self.weights / relative


def missing_inputs(sources: Sources, graphs: List[str]) -> List[str]:
    """Everything the selected graphs need that is not there, as sentences."""
    problems = []
    if not (sources.aniportrait / "src" / "models" / "unet_3d.py").is_file():
        problems.append(f"{sources.aniportrait} is not an AniPortrait checkout (no src/models/unet_3d.py)")
    if "film_net" in graphs:
        if sources.film_repo is None:
            problems.append("film_net needs --film-repo: a clone of github.com/dajes/frame-interpolation-pytorch")
        elif not (sources.film_repo / "interpolator.py").is_file():
            problems.append(f"{sources.film_repo} has no interpolator.py (expected dajes/frame-interpolation-pytorch)")
    if sources.random_init:
        return problems
    for graph in graphs:
        for relative in WEIGHT_FILES.get(graph, []):
            if not sources.weight(relative).exists():
                problems.append(f"{graph} needs {sources.weight(relative)}")
    return sorted(set(problems), key=problems.index)


def import_aniportrait(checkout: Path) -> None:
    """Makes `src.models...` and `src.audio_models...` importable from the user's checkout."""
    path = str(checkout.resolve())
    if path not in sys.path:
        sys.path.insert(0, path)


def checkout_commit(repo: Path) -> Optional[str]:
    try:
        out = subprocess.run(["git", "-C", str(repo), "rev-parse", "HEAD"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    if out.returncode != 0:
        return None
    return out.stdout.strip() or None


def _yaml(sources: Sources, relative: str) -> Dict[str, Any]:
    from omegaconf import OmegaConf

    return OmegaConf.to_container(OmegaConf.load(sources.aniportrait / relative), resolve=True)  # type: ignore[return-value]


def randomize_zero_parameters(model: nn.Module, std: float = 0.02) -> None:
    """Random init leaves some layers at zero (AnimateDiff's proj_out, the pose guider's final_proj,
    audio2mesh's out_fn), which would make outputs trivially equal; give them small noise."""
    with torch.no_grad():
        for parameter in model.parameters():
            if parameter.numel() > 0 and not torch.any(parameter != 0):
                parameter.normal_(0.0, std)


def fold_weight_norm(model: nn.Module) -> None:
    """wav2vec2's positional conv uses weight norm; fold it into a plain weight before tracing."""
    for module in model.modules():
        if hasattr(module, "weight_g") and hasattr(module, "weight_v"):
            torch.nn.utils.remove_weight_norm(module)
        elif hasattr(module, "parametrizations") and "weight" in module.parametrizations:
            torch.nn.utils.parametrize.remove_parametrizations(module, "weight", leave_parametrized=True)


# ---- audio (fp32, as in AniPortrait) -------------------------------------------------------------


def build_audio_model(sources: Sources, which: str) -> nn.Module:
    """`which` is "a2m" (Audio2MeshModel) or "a2p" (Audio2PoseModel), configured by inference_audio.yaml."""
    config = dict(_yaml(sources, "configs/inference/inference_audio.yaml")[f"{which}_model"])
    if sources.random_init:
        config["model_path"] = str(_random_wav2vec2_config(sources))
        config["from_pretrained"] = False
        if sources.tiny and which == "a2p":
            config["latent_dim"] = arch.TINY_A2P_LATENT
    else:
        config["model_path"] = str(sources.weight("wav2vec2-base-960h"))
    if which == "a2m":
        from src.audio_models.model import Audio2MeshModel as model_class
        checkpoint = "audio2mesh.pt"
    else:
        from src.audio_models.pose_model import Audio2PoseModel as model_class
        checkpoint = "audio2pose.pt"
    model = model_class(config)
    if sources.random_init:
        randomize_zero_parameters(model)
    else:
        _load_audio_checkpoint(model, sources.weight(checkpoint))
    fold_weight_norm(model.audio_encoder)
    use_eager_attention(model.audio_encoder)
    return model.eval()


def use_eager_attention(model: nn.Module) -> None:
    """transformers 4.30.2 (pinned) has only eager attention here; newer versions default to SDPA, which
    torch 2.0.1 cannot export, and refuse AniPortrait's `config.output_attentions = True` with it."""
    config = getattr(model, "config", None)
    if config is not None and getattr(config, "_attn_implementation", "eager") != "eager":
        config._attn_implementation = "eager"


def _random_wav2vec2_config(sources: Sources) -> Path:
    from transformers import Wav2Vec2Config

    folder = sources.scratch / ("wav2vec2-tiny" if sources.tiny else "wav2vec2-base")
    if not (folder / "config.json").is_file():
        Wav2Vec2Config(**(arch.TINY_WAV2VEC2 if sources.tiny else arch.WAV2VEC2_BASE)).save_pretrained(str(folder))
    return folder


def _load_audio_checkpoint(model: nn.Module, path: Path) -> None:
    """AniPortrait loads these with strict=False; report what that would hide (docs/aniportrait-engine.md §5.5)."""
    state = torch.load(str(path), map_location="cpu")
    missing, unexpected = model.load_state_dict(state, strict=False)
    has_encoder = any(k.startswith("audio_encoder.") for k in state)
    head_missing = [k for k in missing if not k.startswith("audio_encoder.")]
    encoder_missing = [k for k in missing if k.startswith("audio_encoder.")]
    if head_missing:
        raise ExportError(f"{path.name} lacks {', '.join(head_missing[:6])}")
    if has_encoder and encoder_missing:
        raise ExportError(
            f"{path.name} holds wav2vec2 weights but these did not load: {', '.join(encoder_missing[:6])} "
            f"(unexpected: {', '.join(unexpected[:6])}). Weight-norm naming differs between versions: "
            "use the pinned torch 2.0.1 / transformers 4.30.2 (models/export/requirements.txt)."
        )
    if unexpected:
        print(f"    note: {path.name} has {len(unexpected)} keys the model does not use (ignored, as AniPortrait does): {', '.join(unexpected[:4])}")
    source = "the checkpoint" if has_encoder else "wav2vec2-base-960h (the checkpoint has none)"
    print(f"    {path.name}: {len(state)} tensors loaded; wav2vec2 weights from {source}")


# ---- Lmk2Video models (fp16 in AniPortrait) -----------------------------------------------------------


def build_clip(sources: Sources) -> nn.Module:
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

    folder = sources.weight("image_encoder")
    if not sources.random_init:
        model = CLIPVisionModelWithProjection.from_pretrained(str(folder))
    else:
        if sources.tiny:
            config = CLIPVisionConfig(**arch.TINY_CLIP_VISION)
        elif (folder / "config.json").is_file():
            config = CLIPVisionConfig.from_pretrained(str(folder))
        else:
            config = CLIPVisionConfig(**arch.CLIP_VIT_L14_VISION)
        model = CLIPVisionModelWithProjection(config)
    use_eager_attention(model)
    return model.eval()


def build_vae(sources: Sources) -> nn.Module:
    from diffusers import AutoencoderKL

    folder = sources.weight("sd-vae-ft-mse")
    if not sources.random_init:
        return AutoencoderKL.from_pretrained(str(folder)).eval()
    config = arch.TINY_VAE if sources.tiny else _config_json(folder / "config.json", arch.SD_VAE_FT_MSE)
    return AutoencoderKL.from_config(config).eval()


def _unet_config(sources: Sources) -> Dict[str, Any]:
    if sources.tiny:
        return dict(arch.TINY_UNET)
    return _config_json(sources.weight("stable-diffusion-v1-5/unet/config.json"), arch.SD15_UNET)


def _config_json(path: Path, default: Dict[str, Any]) -> Dict[str, Any]:
    import json

    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"))
    return dict(default)


def build_reference_unet(sources: Sources) -> nn.Module:
    from src.models.unet_2d_condition import UNet2DConditionModel

    if sources.random_init:
        model = UNet2DConditionModel.from_config(_unet_config(sources))
        randomize_zero_parameters(model)
        return model.eval()
    model = UNet2DConditionModel.from_pretrained(str(sources.weight("stable-diffusion-v1-5")), subfolder="unet")
    model.load_state_dict(torch.load(str(sources.weight("reference_unet.pth")), map_location="cpu"))
    return model.eval()


def build_denoising_unet(sources: Sources) -> nn.Module:
    from src.models.unet_3d import UNet3DConditionModel

    extra = _yaml(sources, "configs/inference/inference_v2.yaml")["unet_additional_kwargs"]
    if sources.random_init:
        config = _unet_config(sources)
        config["_class_name"] = UNet3DConditionModel.__name__
        config["down_block_types"] = ["CrossAttnDownBlock3D"] * 3 + ["DownBlock3D"]
        config["up_block_types"] = ["UpBlock3D"] + ["CrossAttnUpBlock3D"] * 3
        config["mid_block_type"] = "UNetMidBlock3DCrossAttn"
        model = UNet3DConditionModel.from_config(config, **extra)
        randomize_zero_parameters(model)
        return model.eval()
    model = UNet3DConditionModel.from_pretrained_2d(
        str(sources.weight("stable-diffusion-v1-5")),
        str(sources.weight("motion_module.pth")),
        subfolder="unet",
        unet_additional_kwargs=extra,
    )
    state = torch.load(str(sources.weight("denoising_unet.pth")), map_location="cpu")
    missing, unexpected = model.load_state_dict(state, strict=False)  # as AniPortrait does
    motion_missing = [k for k in missing if "motion_modules" not in k]
    print(f"    denoising_unet.pth: {len(state)} tensors; {len(missing)} model keys not in it "
          f"({len(motion_missing)} outside the motion modules), {len(unexpected)} unused keys")
    return model.eval()


def build_pose_guider(sources: Sources) -> nn.Module:
    from src.models.pose_guider import PoseGuider, Transformer2DModel

    if not sources.random_init:
        model = PoseGuider(noise_latent_channels=320, use_ca=True)
        model.load_state_dict(torch.load(str(sources.weight("pose_guider.pth")), map_location="cpu"))
        return model.eval()
    channels = arch.TINY_UNET["block_out_channels"][0] if sources.tiny else 320
    model = PoseGuider(noise_latent_channels=channels, use_ca=True)
    if sources.tiny:
        widths = {"cross_attn1": channels, "cross_attn2": channels * 2, "cross_attn3": channels * 4, "cross_attn4": channels * 4}
        for name, width in widths.items():
            setattr(model, name, Transformer2DModel(in_channels=width, **arch.TINY_POSE_GUIDER_ATTENTION))
    randomize_zero_parameters(model)
    return model.eval()


# ---- FILM (dajes/frame-interpolation-pytorch, eager) ------------------------------------------------


def build_film(sources: Sources) -> nn.Module:
    """dajes' eager Interpolator with the weights of AniPortrait's TorchScript film_net_fp16.pt.

    Tracing the eager module (not the ScriptModule) avoids Loop/Sequence ops over Python lists
    (docs/aniportrait-engine.md §5.5). The f16 weights are copied into f32 parameters (exact)."""
    if sources.film_repo is None:
        raise ExportError("film_net needs --film-repo")
    path = str(sources.film_repo.resolve())
    if path not in sys.path:
        sys.path.insert(0, path)
    from interpolator import Interpolator  # dajes/frame-interpolation-pytorch

    model = Interpolator()
    if sources.random_init:
        return model.eval()
    scripted = torch.jit.load(str(sources.weight("film_net_fp16.pt")), map_location="cpu")
    state = {k: v.float() for k, v in scripted.state_dict().items()}
    model.load_state_dict(state)
    return model.eval()


def scratch_dir(out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=".export-scratch-", dir=str(out_dir)))
