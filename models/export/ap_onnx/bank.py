"""The reference-attention bank as explicit tensors (docs/aniportrait-engine.md §3.3, §3.5, §5.5).

AniPortrait's ReferenceAttentionControl monkey-patches every spatial transformer block: the reference
UNet's blocks append norm1(hidden_states) to a Python list ("write"), the denoising UNet's blocks
concatenate those tensors to their own self-attention keys/values ("read"). Traced as is, the list
would be baked into the graph as constants.

Here each of the 16 blocks gets a small explicit forward instead:
  writer  norm1 -> record the tensor under its bank name (ref_d00 ... ref_u32) -> self-attention ->
          cross-attention -> feed-forward, exactly the BasicTransformerBlock math for SD1.5's settings;
          the reference graph returns the 16 recorded tensors as its outputs.
  reader  norm1 -> self-attention over concat([norm1, bank], token axis) -> cross-attention ->
          feed-forward; the bank tensors are the denoising graph's inputs ([1, K, C], broadcast over
          the F frames). A zero-length bank (K = 0) makes the concat a no-op, i.e. plain
          self-attention: the unconditional branch of CFG (mode A, docs/aniportrait-engine.md §3.5).
The bank tensors flow through the traced graph as ordinary values, so they become graph outputs
(writer) and graph inputs (reader).
"""
from __future__ import annotations

from typing import Any, Callable, Dict, Mapping, MutableMapping, Optional, Sequence

import torch
from torch import nn

from . import ExportError
from .naming import bank_name


def spatial_blocks(unet: nn.Module, block_class: type, expected: Sequence[str]) -> Dict[str, nn.Module]:
    """The UNet's spatial transformer blocks by bank name; fails unless they are exactly `expected`."""
    found: Dict[str, nn.Module] = {}
    for path, module in unet.named_modules():
        if type(module) is not block_class:
            continue
        name = bank_name(path)
        if name is None:
            raise ExportError(f"unexpected {block_class.__name__} at {path}; the bank layout assumes SD1.5's")
        found[name] = module
    if sorted(found) != sorted(expected):
        raise ExportError(f"{type(unet).__name__} has bank blocks {sorted(found)}, the manifest expects {sorted(expected)}")
    return {name: found[name] for name in expected}


def install_writers(unet: nn.Module, block_class: type, names: Sequence[str], sink: MutableMapping[str, torch.Tensor]) -> None:
    """Reference UNet: every block records norm1(hidden_states) into `sink[name]`."""
    for name, block in spatial_blocks(unet, block_class, names).items():
        _require_plain_block(block, name)
        block.forward = _writer_forward(block, name, sink)


def install_readers(unet: nn.Module, block_class: type, names: Sequence[str], source: Mapping[str, torch.Tensor]) -> None:
    """Denoising UNet: every block attends over its own tokens plus `source[name]`."""
    for name, block in spatial_blocks(unet, block_class, names).items():
        _require_plain_block(block, name)
        if getattr(block, "unet_use_cross_frame_attention", False) or getattr(block, "unet_use_temporal_attention", False):
            raise ExportError(f"{name}: cross-frame/temporal attention in spatial blocks is off in AniPortrait's inference config")
        block.forward = _reader_forward(block, name, source)


def _require_plain_block(block: nn.Module, name: str) -> None:
    """The explicit forwards cover the SD1.5 configuration only: LayerNorm, self- then cross-attention."""
    unsupported = [
        flag
        for flag in ("use_ada_layer_norm", "use_ada_layer_norm_zero", "use_ada_layer_norm_single", "only_cross_attention")
        if getattr(block, flag, False)
    ]
    if getattr(block, "pos_embed", None) is not None:
        unsupported.append("pos_embed")
    if hasattr(block, "fuser"):
        unsupported.append("gated attention")
    if unsupported:
        raise ExportError(f"{name}: transformer block uses {', '.join(unsupported)}, which the bank export does not handle")


def _cross_attention_and_feed_forward(block: nn.Module, hidden_states: torch.Tensor, context: Optional[torch.Tensor]) -> torch.Tensor:
    if block.attn2 is not None:
        hidden_states = block.attn2(block.norm2(hidden_states), encoder_hidden_states=context) + hidden_states
    return block.ff(block.norm3(hidden_states)) + hidden_states


def _writer_forward(block: nn.Module, name: str, sink: MutableMapping[str, torch.Tensor]) -> Callable[..., torch.Tensor]:
    def forward(hidden_states: torch.Tensor, attention_mask: Any = None, encoder_hidden_states: Optional[torch.Tensor] = None, **_unused: Any) -> torch.Tensor:
        _no_mask(attention_mask, name)
        normed = block.norm1(hidden_states)
        if name in sink:
            raise ExportError(f"{name} was written twice in one reference pass")
        sink[name] = normed
        hidden_states = block.attn1(normed) + hidden_states
        return _cross_attention_and_feed_forward(block, hidden_states, encoder_hidden_states)

    return forward


def _reader_forward(block: nn.Module, name: str, source: Mapping[str, torch.Tensor]) -> Callable[..., torch.Tensor]:
    def forward(hidden_states: torch.Tensor, encoder_hidden_states: Optional[torch.Tensor] = None, attention_mask: Any = None, **_unused: Any) -> torch.Tensor:
        _no_mask(attention_mask, name)
        normed = block.norm1(hidden_states)  # [F, L, C] (batch 1, so rows are frames)
        bank = source[name]  # [1, K, C]
        frames_bank = bank.expand(normed.shape[0], -1, -1)
        context = torch.cat([normed, frames_bank], dim=1)
        hidden_states = block.attn1(normed, encoder_hidden_states=context) + hidden_states
        return _cross_attention_and_feed_forward(block, hidden_states, encoder_hidden_states)

    return forward


def _no_mask(attention_mask: Any, name: str) -> None:
    if attention_mask is not None:
        raise ExportError(f"{name}: an attention mask reached a bank block; AniPortrait passes none")


def remove_reference_hooks(unet: nn.Module) -> None:
    """Undoes ReferenceAttentionControl on a UNet (used after comparing with AniPortrait's own path)."""
    for module in unet.modules():
        if "_original_inner_forward" in module.__dict__:
            module.__dict__.pop("forward", None)
        for attr in ("bank", "_original_inner_forward", "attn_weight"):
            module.__dict__.pop(attr, None)
