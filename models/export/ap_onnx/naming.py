"""Names of the reference-bank tensors (docs/aniportrait-engine.md §5.2), from module paths.

Both UNets hold one transformer block per spatial attention: `down_blocks.{i}.attentions.{j}`,
`mid_block.attentions.0` and `up_blocks.{i}.attentions.{j}`, each with `transformer_blocks.0`.
AniPortrait pairs writer and reader blocks by position after a stable sort by width; since both UNets
list their blocks in the same order, that is a same-path pairing, which these names make explicit.
"""
from __future__ import annotations

import re
from typing import Optional

_SIDE_BLOCK = re.compile(r"(down|up)_blocks\.(\d+)\.attentions\.(\d+)\.transformer_blocks\.0")
_MID_BLOCK = re.compile(r"mid_block\.attentions\.0\.transformer_blocks\.0")


def bank_name(module_path: str) -> Optional[str]:
    """`ref_d01` for `down_blocks.0.attentions.1.transformer_blocks.0`, `ref_m` for the mid block, else None."""
    match = _SIDE_BLOCK.fullmatch(module_path)
    if match:
        side, block, attention = match.groups()
        return f"ref_{side[0]}{block}{attention}"
    if _MID_BLOCK.fullmatch(module_path):
        return "ref_m"
    return None
