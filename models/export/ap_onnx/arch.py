"""Architecture configs for --random-init (published shapes) and --tiny (small stand-ins).

With real weights the configs come from the downloaded folders (config.json); these are used only when
building modules with random weights. The full-size values are the published configs of
stable-diffusion-v1-5/unet, sd-vae-ft-mse, sd-image-variations-diffusers/image_encoder (CLIP ViT-L/14)
and wav2vec2-base (transformers' Wav2Vec2Config defaults).

Tiny stand-ins (docs/aniportrait-engine.md §5.5): channels (32, 64, 128), latent 8x8, frames
64x64, text dim 16. They keep every block of the real layout (so all 16 bank tensors exist) and the
multiples GroupNorm(32) and 8 attention heads need. Graphs built from them do not load in the app
(the manifest's fixed sizes differ); they exist to test the export path quickly, even on CPU.
"""
from __future__ import annotations

from typing import Any, Dict

SD15_UNET: Dict[str, Any] = {
    "act_fn": "silu",
    "attention_head_dim": 8,
    "block_out_channels": [320, 640, 1280, 1280],
    "center_input_sample": False,
    "cross_attention_dim": 768,
    "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
    "downsample_padding": 1,
    "flip_sin_to_cos": True,
    "freq_shift": 0,
    "in_channels": 4,
    "layers_per_block": 2,
    "mid_block_scale_factor": 1,
    "norm_eps": 1e-05,
    "norm_num_groups": 32,
    "out_channels": 4,
    "sample_size": 64,
    "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"],
}

SD_VAE_FT_MSE: Dict[str, Any] = {
    "act_fn": "silu",
    "block_out_channels": [128, 256, 512, 512],
    "down_block_types": ["DownEncoderBlock2D"] * 4,
    "in_channels": 3,
    "latent_channels": 4,
    "layers_per_block": 2,
    "norm_num_groups": 32,
    "out_channels": 3,
    "sample_size": 256,
    "up_block_types": ["UpDecoderBlock2D"] * 4,
}

CLIP_VIT_L14_VISION: Dict[str, Any] = {
    "hidden_size": 1024,
    "intermediate_size": 4096,
    "num_hidden_layers": 24,
    "num_attention_heads": 16,
    "image_size": 224,
    "patch_size": 14,
    "projection_dim": 768,
    "hidden_act": "quick_gelu",
    "layer_norm_eps": 1e-05,
}

WAV2VEC2_BASE: Dict[str, Any] = {}  # transformers' Wav2Vec2Config() defaults are wav2vec2-base

TINY_UNET: Dict[str, Any] = {
    **SD15_UNET,
    "block_out_channels": [32, 64, 128, 128],
    "cross_attention_dim": 16,
    "sample_size": 8,
}

TINY_VAE: Dict[str, Any] = {
    **SD_VAE_FT_MSE,
    "block_out_channels": [32, 32, 32, 32],
    "layers_per_block": 1,
    "sample_size": 64,
}

TINY_CLIP_VISION: Dict[str, Any] = {
    "hidden_size": 32,
    "intermediate_size": 64,
    "num_hidden_layers": 2,
    "num_attention_heads": 2,
    "image_size": 32,
    "patch_size": 8,
    "projection_dim": 16,
    "hidden_act": "quick_gelu",
}

TINY_WAV2VEC2: Dict[str, Any] = {
    "hidden_size": 64,
    "num_hidden_layers": 2,
    "num_attention_heads": 4,
    "intermediate_size": 128,
    "conv_dim": [32] * 7,
    "num_conv_pos_embeddings": 16,
    "num_conv_pos_embedding_groups": 4,
}

# The pose guider's Transformer2DModel is hard-coded to 16 heads x 88; the tiny one uses this instead.
TINY_POSE_GUIDER_ATTENTION: Dict[str, int] = {"num_attention_heads": 2, "attention_head_dim": 16}

TINY_A2P_LATENT = 64  # Audio2PoseModel latent_dim (8 decoder heads of 8)

TINY_DIMS: Dict[str, int] = {
    "AUDIO_FEAT": 32,
    "POSE_WIDTH": TINY_A2P_LATENT,
    "MESH_VALUES": 1404,
    "CLIP_SIZE": 32,
    "EMBED": 16,
    "IMG_H": 64,
    "IMG_W": 64,
    "LAT_H": 8,
    "LAT_W": 8,
    "LAT_H2": 4,
    "LAT_W2": 4,
    "LAT_H4": 2,
    "LAT_W4": 2,
    "LAT_H8": 1,
    "LAT_W8": 1,
    "C0": 32,
    "C1": 64,
    "C2": 128,
    "L0": 64,
    "L1": 16,
    "L2": 4,
    "L3": 1,
}
