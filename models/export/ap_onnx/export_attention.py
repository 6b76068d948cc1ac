"""An attention processor for export: diffusers' AttnProcessor math with plain matmuls.

Inference in AniPortrait uses diffusers' default SDPA processor, which torch 2.0.1 cannot export.
diffusers' AttnProcessor can be exported, but it builds its scores with
`baddbmm(torch.empty(B, Lq, Lk), q, k^T, beta=0)`: the exporter turns the empty tensor into a
ConstantOfShape of zeros that is multiplied by 0 and added, i.e. one extra [B*heads, Lq, Lk] tensor per
attention at run time, or, where shapes are static, constant folding bakes it into the file as zeros
(hundreds of MB for the 64x64 levels). This processor computes the same thing as
`softmax((q * scale) @ k^T) @ v`, which exports as MatMul/Mul/Softmax/MatMul.
"""
from __future__ import annotations

from typing import Any, Optional

import torch
from torch import nn

from . import ExportError


class ExportAttnProcessor:
    def __call__(
        self,
        attn: Any,
        hidden_states: torch.Tensor,
        encoder_hidden_states: Optional[torch.Tensor] = None,
        attention_mask: Optional[torch.Tensor] = None,
        temb: Optional[torch.Tensor] = None,
        **_unused: Any,
    ) -> torch.Tensor:
        if attention_mask is not None:
            raise ExportError("an attention mask reached the export processor; AniPortrait's graphs use none")
        residual = hidden_states
        if attn.spatial_norm is not None:
            hidden_states = attn.spatial_norm(hidden_states, temb)

        image_input = hidden_states.ndim == 4
        if image_input:
            batch, channels, height, width = hidden_states.shape
            hidden_states = hidden_states.reshape(batch, channels, height * width).transpose(1, 2)
        if attn.group_norm is not None:
            hidden_states = attn.group_norm(hidden_states.transpose(1, 2)).transpose(1, 2)

        context = hidden_states if encoder_hidden_states is None else encoder_hidden_states
        if encoder_hidden_states is not None and attn.norm_cross:
            context = attn.norm_encoder_hidden_states(context)

        query = _split_heads(attn.to_q(hidden_states), attn.heads)
        key = _split_heads(attn.to_k(context), attn.heads)
        value = _split_heads(attn.to_v(context), attn.heads)
        out = _attend(query, key, value, attn.scale, attn.upcast_attention, attn.upcast_softmax)

        out = attn.to_out[1](attn.to_out[0](_merge_heads(out)))  # projection, dropout
        if image_input:
            out = out.transpose(1, 2).reshape(batch, channels, height, width)
        if attn.residual_connection:
            out = out + residual
        return out / attn.rescale_output_factor


def _attend(query: torch.Tensor, key: torch.Tensor, value: torch.Tensor, scale: float, upcast: bool, upcast_softmax: bool) -> torch.Tensor:
    dtype = query.dtype
    if upcast:
        query, key = query.float(), key.float()
    # Scaling q first (as SDPA does) keeps f16 logits away from overflow.
    scores = torch.matmul(query * scale, key.transpose(-1, -2))
    if upcast_softmax:
        scores = scores.float()
    return torch.matmul(scores.softmax(dim=-1).to(dtype), value)


def _split_heads(x: torch.Tensor, heads: int) -> torch.Tensor:
    """[B, L, heads*d] -> [B, heads, L, d]."""
    batch, length, _ = x.shape
    return x.reshape(batch, length, heads, -1).transpose(1, 2)


def _merge_heads(x: torch.Tensor) -> torch.Tensor:
    """[B, heads, L, d] -> [B, L, heads*d]."""
    batch, _, length, _ = x.shape
    return x.transpose(1, 2).reshape(batch, length, -1)


def use_export_attention(model: nn.Module) -> int:
    """Puts ExportAttnProcessor on every diffusers Attention (including AnimateDiff's VersatileAttention)."""
    from diffusers.models.attention_processor import Attention

    count = 0
    for module in model.modules():
        if isinstance(module, Attention):
            module.set_processor(ExportAttnProcessor())
            count += 1
    return count
