"""Lets diffusers 0.24.0 (AniPortrait's pin) import on a newer huggingface_hub and transformers.

diffusers 0.24 imports names that huggingface_hub 1.x removed (`cached_download`, `HfFolder`,
`hf_cache_home`, ...) and transformers 5 no longer exports the weight file names. None of them is called when every model is built from a config with random
weights, as the parity generator does, so each missing name is added as a stand-in that raises if it
is ever used. On the pinned stack (huggingface_hub 0.19.4) nothing is missing and this does nothing.
"""
from __future__ import annotations

import os


def _unavailable(name: str):
    def stand_in(*_args, **_kwargs):
        raise RuntimeError(f"huggingface_hub.{name} is not available in this huggingface_hub version")

    return stand_in


def install() -> list[str]:
    """Adds the missing names; returns which were added (recorded in the fixtures' provenance)."""
    import huggingface_hub
    import huggingface_hub.constants as constants
    import huggingface_hub.utils as hub_utils

    added: list[str] = []
    if not hasattr(constants, "hf_cache_home"):
        constants.hf_cache_home = os.path.dirname(constants.HF_HUB_CACHE)
        added.append("constants.hf_cache_home")
    for name in ("cached_download", "HfFolder"):
        if not hasattr(huggingface_hub, name):
            setattr(huggingface_hub, name, _unavailable(name))
            added.append(name)
    if not hasattr(hub_utils, "is_jinja_available"):
        hub_utils.is_jinja_available = lambda: False
        added.append("utils.is_jinja_available")
    import transformers.utils as transformers_utils

    for name, value in (("FLAX_WEIGHTS_NAME", "flax_model.msgpack"), ("SAFE_WEIGHTS_NAME", "model.safetensors"),
                        ("WEIGHTS_NAME", "pytorch_model.bin")):
        if not hasattr(transformers_utils, name):
            setattr(transformers_utils, name, value)
            added.append(f"transformers.utils.{name}")
    return added
