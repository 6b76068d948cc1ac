"""Audio2Lmk graphs (docs/aniportrait-engine.md §1.2-1.5 and §5.1 rows 1-4), all fp32 as in AniPortrait.

The wav2vec2 forward of AniPortrait is split where it resamples to 30 fps:
  w2v_feature_encoder  input_values [1,N] -> CNN -> extract_features [1,L,512]
  (TypeScript: linear interpolation with align_corners to T = ceil(N/16000*30) frames)
  audio2mesh           features [1,T,512] -> feature_projection + encoder + in_fn + out_fn -> offsets
  audio2pose_encoder   features [1,S,512] -> feature_projection + encoder + in_fn -> memory
  audio2pose_step      one step of Audio2PoseModel.infer's autoregressive loop
"""
from __future__ import annotations

from typing import List, Tuple

import torch
from torch import nn
from torch.nn import functional as F

from . import ExportError
from .plan import Case, Context, ExportPlan


class FeatureEncoderGraph(nn.Module):
    """w2v_feature_encoder.onnx: wav2vec2's 7-layer CNN (the frozen one shared by both audio models)."""

    def __init__(self, audio_encoder: nn.Module) -> None:
        super().__init__()
        self.cnn = audio_encoder.feature_extractor

    def forward(self, input_values: torch.Tensor) -> torch.Tensor:
        return self.cnn(input_values).transpose(1, 2)


class Audio2MeshGraph(nn.Module):
    """audio2mesh.onnx: AniPortrait's Wav2Vec2Model.encode (projection + transformer) -> in_fn -> out_fn."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        hidden = self.model.audio_encoder.encode(features, return_dict=False)[0]
        return self.model.out_fn(self.model.in_fn(hidden))


class Audio2PoseEncoderGraph(nn.Module):
    """audio2pose_encoder.onnx: the pose model's own wav2vec2 transformer + in_fn = decoder memory."""

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.model = model

    def forward(self, features: torch.Tensor) -> torch.Tensor:
        return self.model.in_fn(self.model.audio_encoder.encode(features, return_dict=False)[0])


class Audio2PoseStepGraph(nn.Module):
    """audio2pose_step.onnx: pose of the last position for the prefix pose_hist = [0, p_0, ..., p_{t-2}].

    Same math as one iteration of Audio2PoseModel.infer: pose_map, sinusoidal PE[:t], id embedding,
    8 post-norm decoder layers with the ALiBi causal mask [8,t,t] (AniPortrait's biased_mask, baked as a
    buffer and sliced) and the diagonal memory mask (position i sees only memory[i]), then pose_map_r.
    The decoder layers are written out with plain matmuls: torch 2.0's nn.MultiheadAttention dispatches to
    scaled_dot_product_attention or its fused fast path, neither of which the exporter supports.
    Both masks are limited to the PE length (600): t <= 600 and S <= 600.
    """

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        self.pose_map = model.pose_map
        self.positional = model.PPE
        self.id_embed = model.id_embed
        self.decoder = model.transformer_decoder
        self.pose_map_r = model.pose_map_r
        max_len = model.PPE.pe.shape[1]
        self.register_buffer("self_bias", model.biased_mask[:, :max_len, :max_len].clone().float())
        diagonal = torch.eye(max_len, dtype=torch.bool)
        self.register_buffer("memory_bias", torch.zeros(max_len, max_len).masked_fill(~diagonal, float("-inf")))
        for layer in self.decoder.layers:
            _check_decoder_layer(layer)

    def forward(self, pose_hist: torch.Tensor, memory: torch.Tensor, id_seed: torch.Tensor) -> torch.Tensor:
        steps, frames = pose_hist.shape[1], memory.shape[1]
        x = self.positional(self.pose_map(pose_hist)) + self.id_embed(id_seed).unsqueeze(1)
        self_bias = self.self_bias[:, :steps, :steps]
        memory_bias = self.memory_bias[:steps, :frames]
        for layer in self.decoder.layers:
            x = layer.norm1(x + _attention(layer.self_attn, x, x, self_bias))
            x = layer.norm2(x + _attention(layer.multihead_attn, x, memory, memory_bias))
            x = layer.norm3(x + layer.linear2(layer.activation(layer.linear1(x))))
        if self.decoder.norm is not None:
            x = self.decoder.norm(x)
        return self.pose_map_r(x[:, -1])


def _check_decoder_layer(layer: nn.Module) -> None:
    attention = layer.self_attn
    if layer.norm_first or not attention.batch_first or not attention._qkv_same_embed_dim or attention.bias_k is not None:
        raise ExportError("audio2pose decoder differs from AniPortrait's (post-norm, batch_first, packed projections)")


def _attention(mha: nn.MultiheadAttention, query: torch.Tensor, context: torch.Tensor, bias: torch.Tensor) -> torch.Tensor:
    """nn.MultiheadAttention's math for batch 1 with an additive mask (`bias`, -inf where masked)."""
    w_q, w_k, w_v = mha.in_proj_weight.chunk(3, dim=0)
    b_q, b_k, b_v = mha.in_proj_bias.chunk(3, dim=0)
    q = _heads(F.linear(query, w_q, b_q), mha.num_heads)
    k = _heads(F.linear(context, w_k, b_k), mha.num_heads)
    v = _heads(F.linear(context, w_v, b_v), mha.num_heads)
    scores = torch.matmul(q * (mha.head_dim ** -0.5), k.transpose(-1, -2)) + bias
    out = torch.matmul(scores.softmax(dim=-1), v)  # [1, heads, t, d]
    return mha.out_proj(out.transpose(1, 2).reshape(query.shape[0], query.shape[1], mha.embed_dim))


def _heads(x: torch.Tensor, heads: int) -> torch.Tensor:
    return x.reshape(x.shape[0], x.shape[1], heads, -1).transpose(1, 2)


def _ap_decoder_step(model: nn.Module):
    """Ground truth for --validate: AniPortrait's own modules and masks, as in Audio2PoseModel.infer."""
    from src.audio_models.pose_model import enc_dec_mask

    def step(pose_hist: torch.Tensor, memory: torch.Tensor, id_seed: torch.Tensor) -> Tuple[torch.Tensor]:
        x = model.PPE(model.pose_map(pose_hist)) + model.id_embed(id_seed).unsqueeze(1)
        steps = x.shape[1]
        tgt_mask = model.biased_mask[:, :steps, :steps].to(x.device)
        memory_mask = enc_dec_mask(x.device, steps, memory.shape[1])
        out = model.transformer_decoder(x, memory, tgt_mask=tgt_mask, memory_mask=memory_mask)
        return (model.pose_map_r(out)[:, -1],)

    return step


# ---- plans ---------------------------------------------------------------------------------------


def _normal(gen: torch.Generator, *shape: int, scale: float = 1.0) -> torch.Tensor:
    return torch.randn(*shape, generator=gen) * scale


def _zscore(x: torch.Tensor) -> torch.Tensor:
    """Wav2Vec2FeatureExtractor's normalisation (docs/aniportrait-engine.md §1.1)."""
    return (x - x.mean()) / torch.sqrt(x.var(unbiased=False) + 1e-7)


def plan_w2v_feature_encoder(ctx: Context) -> ExportPlan:
    a2m = ctx.audio_model("a2m")
    notes = []
    if not ctx.sources.random_init and ctx.sources.weight("audio2pose.pt").is_file():
        notes = _compare_cnn_weights(a2m, ctx.audio_model("a2p"))
    gen = ctx.rng("w2v_feature_encoder")
    cases = [Case(f"N={n}", (_zscore(_normal(gen, 1, n)),)) for n in (32000, 24321)]
    return ExportPlan(FeatureEncoderGraph(a2m.audio_encoder).eval(), cases, "fp32", notes=notes)


def _compare_cnn_weights(a2m: nn.Module, a2p: nn.Module) -> List[str]:
    """Spec 1.2 infers both checkpoints share the frozen CNN; one graph serves both only if that holds."""
    first = a2m.audio_encoder.feature_extractor.state_dict()
    second = a2p.audio_encoder.feature_extractor.state_dict()
    worst = max(float((first[k] - second[k]).abs().max()) for k in first)
    if worst == 0.0:
        return ["the CNN weights of audio2mesh.pt and audio2pose.pt are identical, as expected"]
    return [f"WARNING: the CNN weights of audio2mesh.pt and audio2pose.pt differ (max |diff| {worst:.3g}); "
            "this graph uses audio2mesh's, so audio2pose gets slightly different features than in AniPortrait"]


def _feature_cases(ctx: Context, name: str, axis: str) -> List[Case]:
    gen = ctx.rng(name)
    width = ctx.dims["AUDIO_FEAT"]
    return [Case(f"{axis}={n}", (_normal(gen, 1, n, width),)) for n in (60, 7)]


def plan_audio2mesh(ctx: Context) -> ExportPlan:
    a2m = ctx.audio_model("a2m")
    return ExportPlan(Audio2MeshGraph(a2m).eval(), _feature_cases(ctx, "audio2mesh", "T"), "fp32")


def plan_audio2pose_encoder(ctx: Context) -> ExportPlan:
    a2p = ctx.audio_model("a2p")
    return ExportPlan(Audio2PoseEncoderGraph(a2p).eval(), _feature_cases(ctx, "audio2pose_encoder", "S"), "fp32")


def plan_audio2pose_step(ctx: Context) -> ExportPlan:
    a2p = ctx.audio_model("a2p")
    gen = ctx.rng("audio2pose_step")
    width = ctx.dims["POSE_WIDTH"]
    cases = [_step_case(gen, steps, frames, width, seed) for steps, frames, seed in ((5, 20, 37), (1, 20, 0), (12, 12, 99))]
    module = Audio2PoseStepGraph(a2p).to(ctx.device).eval()
    return ExportPlan(module, cases, "fp32", reference=_ap_decoder_step(a2p))


def _step_case(gen: torch.Generator, steps: int, frames: int, width: int, seed: int) -> Case:
    hist = _normal(gen, 1, steps, 6, scale=2.0)
    hist[:, 0] = 0.0  # row 0 is always the zero pose (pose_map(0) = the original init_pose embedding)
    memory = _normal(gen, 1, frames, width)
    return Case(f"t={steps} S={frames} id={seed}", (hist, memory, torch.tensor([seed], dtype=torch.int64)))


PLANS = {
    "w2v_feature_encoder": plan_w2v_feature_encoder,
    "audio2mesh": plan_audio2mesh,
    "audio2pose_encoder": plan_audio2pose_encoder,
    "audio2pose_step": plan_audio2pose_step,
}
