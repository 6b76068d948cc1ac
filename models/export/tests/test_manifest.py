"""Torch-free tests of the exporter's manifest helpers: python3 -m unittest discover -s models/export/tests"""
from __future__ import annotations

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ap_onnx import ExportError, arch  # noqa: E402
from ap_onnx.manifest import concrete_shape, dynamic_axes, fixed_size, load_manifest  # noqa: E402
from ap_onnx.naming import bank_name  # noqa: E402

MANIFEST = load_manifest()


class ManifestTest(unittest.TestCase):
    def test_has_the_eleven_graphs_in_order(self) -> None:
        self.assertEqual(
            [g.name for g in MANIFEST.graphs],
            [
                "w2v_feature_encoder", "audio2mesh", "audio2pose_encoder", "audio2pose_step",
                "clip_image_encoder", "vae_encoder", "reference_unet", "pose_guider",
                "denoising_unet", "vae_decoder", "film_net",
            ],
        )

    def test_graph_lookup_by_stem_or_file(self) -> None:
        self.assertIs(MANIFEST.graph("film_net"), MANIFEST.graph("film_net.onnx"))
        with self.assertRaises(ExportError):
            MANIFEST.graph("nope")

    def test_denoiser_dynamic_axes_are_frames_and_bank_lengths(self) -> None:
        axes = dynamic_axes(MANIFEST.graph("denoising_unet"), MANIFEST.dims)
        self.assertEqual(axes["sample"], {0: "F"})
        self.assertEqual(axes["model_output"], {0: "F"})
        self.assertEqual(axes["pose_fea_3"], {0: "F"})
        self.assertEqual(axes["ref_d00"], {1: "K_d00"})
        self.assertEqual(axes["ref_u32"], {1: "K_u32"})
        self.assertNotIn("timestep", axes)
        self.assertNotIn("encoder_hidden_states", axes)

    def test_fixed_graphs_have_no_dynamic_axes(self) -> None:
        for name in ("reference_unet", "clip_image_encoder", "vae_encoder", "film_net"):
            self.assertEqual(dynamic_axes(MANIFEST.graph(name), MANIFEST.dims), {}, name)

    def test_concrete_shapes_follow_the_dims_table(self) -> None:
        graph = MANIFEST.graph("denoising_unet")
        by_name = {t.name: t for t in graph.inputs}
        self.assertEqual(concrete_shape(by_name["pose_fea_1"], MANIFEST.dims, {"F": 16}), (16, 320, 32, 32))
        self.assertEqual(concrete_shape(by_name["ref_m"], MANIFEST.dims, {"K_m": 0}), (1, 0, 1280))
        with self.assertRaises(KeyError):
            concrete_shape(by_name["sample"], MANIFEST.dims, {})

    def test_bank_lengths_come_from_reference_outputs(self) -> None:
        reference = MANIFEST.graph("reference_unet")
        lengths = {t.name: fixed_size(t.shape[1], MANIFEST.dims) for t in reference.outputs}
        self.assertEqual(lengths["ref_d00"], 4096)
        self.assertEqual(lengths["ref_m"], 64)
        self.assertEqual(lengths["ref_u12"], 256)
        self.assertEqual(sum(lengths[n] * fixed_size(reference.output(n).shape[2], MANIFEST.dims) for n in lengths), 11_550_720)

    def test_denoiser_bank_inputs_match_reference_outputs(self) -> None:
        denoiser = MANIFEST.graph("denoising_unet")
        self.assertEqual([n for n in denoiser.input_names if n.startswith("ref_")], MANIFEST.graph("reference_unet").output_names)

    def test_tiny_dims_cover_the_manifest(self) -> None:
        self.assertEqual(set(arch.TINY_DIMS), set(MANIFEST.dims))
        d = arch.TINY_DIMS
        self.assertEqual(d["L0"], d["LAT_H"] * d["LAT_W"])
        self.assertEqual(d["L3"], d["LAT_H8"] * d["LAT_W8"])
        self.assertEqual(d["C0"], arch.TINY_UNET["block_out_channels"][0])
        self.assertEqual(d["EMBED"], arch.TINY_UNET["cross_attention_dim"])
        self.assertEqual(d["EMBED"], arch.TINY_CLIP_VISION["projection_dim"])
        self.assertEqual(d["AUDIO_FEAT"], arch.TINY_WAV2VEC2["conv_dim"][-1])


class BankNameTest(unittest.TestCase):
    def test_names_from_module_paths(self) -> None:
        self.assertEqual(bank_name("down_blocks.0.attentions.1.transformer_blocks.0"), "ref_d01")
        self.assertEqual(bank_name("up_blocks.3.attentions.2.transformer_blocks.0"), "ref_u32")
        self.assertEqual(bank_name("mid_block.attentions.0.transformer_blocks.0"), "ref_m")
        self.assertIsNone(bank_name("down_blocks.0.motion_modules.0.temporal_transformer.transformer_blocks.0"))
        self.assertIsNone(bank_name("down_blocks.0.attentions.1.transformer_blocks.1"))

    def test_sd15_layout_gives_exactly_the_manifest_names(self) -> None:
        paths = [f"down_blocks.{b}.attentions.{a}.transformer_blocks.0" for b in range(3) for a in range(2)]
        paths.append("mid_block.attentions.0.transformer_blocks.0")
        paths += [f"up_blocks.{b}.attentions.{a}.transformer_blocks.0" for b in range(1, 4) for a in range(3)]
        self.assertEqual(sorted(bank_name(p) for p in paths), sorted(MANIFEST.graph("reference_unet").output_names))


if __name__ == "__main__":
    unittest.main()
