#!/usr/bin/env python3
"""Parity fixtures: AniPortrait's own audio2vid run on small random networks, and the same networks as ONNX.

Runs `scripts/audio2vid.py` of an AniPortrait checkout (its `main()`, with `-acc`) on CPU, with every
network replaced by a small random stand-in (the exporter's `--tiny` shapes, made smaller still by the PARITY_*
sizes below; fixed seeds), then
exports those same networks with models/export (tiny ONNX + manifest), and writes AniPortrait's inputs,
intermediate and final outputs next to them. tests/integration/aniportrait-parity.test.ts runs the
studio's ONNX engine on the files and compares stage by stage. No AniPortrait code is copied here:
it is imported from the checkout given with --aniportrait.

What is injected into AniPortrait's run, because it cannot run here (no GPU, no weights, no
MediaPipe binary), and nothing else:
  - the networks: the script's `from_pretrained` / constructors return the random stand-ins and its
    `torch.load` returns their own state dicts, so its `load_state_dict` calls are kept;
  - the face of the reference photo (MediaPipe's FaceLandmarker in `LMKExtractor`): a rig made from
    MediaPipe's canonical face model and a fixed camera transform (rig.json);
  - the initial latents (`prepare_latents`), so that noise is not a difference;
  - `.cuda()` is the identity; weights are float32 (`weight_dtype: fp32`); FILM runs float32 inside
    with float16 inputs and outputs (AniPortrait: a float16 TorchScript FILM on CUDA);
  - the video writing (`save_videos_grid`, ffmpeg) is captured instead of encoded.

Usage (see models/README.md, "Parity fixtures"):
  python scripts/parity/make_parity_fixtures.py --aniportrait ~/AniPortrait \
      --film-repo ~/frame-interpolation-pytorch --mediapipe ~/mediapipe --out tests/fixtures/parity
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import random
import subprocess
import sys
import tempfile
import time
import types
import wave
from pathlib import Path
from typing import Any, Dict, List

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO / "models" / "export"))

SEED = 17  # network weights (torch.manual_seed before building them, in a fixed order)
LATENT_SEED = 23  # initial latents
POSE_STYLE_SEED = 5
CLIP_SIZE = 224  # Python's `random` before audio2vid.main (it draws audio2pose's id_seed from it)
FILM_TINY = dict(filters=4, flow_filters=(4, 8, 8, 8), flow_convs=(2, 2, 2, 2))  # dajes' Interpolator, default pyramid
# Parity-only UNet channels, a quarter of the exporter's --tiny (32, 64, 128, 128), so that the committed graphs
# stay small: the same blocks, layers per block and bank tensors, and the (c, 2c, 4c, 4c) ratio PoseGuider's
# features impose. With 8 channels, GroupNorm uses 8 groups: the UNets' `norm_num_groups`, and the motion modules'
# TemporalTransformer3DModel and PoseGuider's Transformer2DModel, whose GroupNorm(32) is a constructor default their
# callers do not pass (set to 8 here for the stand-ins; both sides run the same modules).
PARITY_UNET_CHANNELS = [8, 16, 32, 32]
PARITY_UNET_NORM_GROUPS = 8
# audio2pose_step bakes AniPortrait's ALiBi and memory masks for the PE length (600 x 600, 13 MB); the parity graph
# keeps the leading PARITY_A2P_LEN x PARITY_A2P_LEN block (the same values: the graph only ever slices them), which
# covers the fixture's track length (checked below).
PARITY_A2P_LEN = 304
# Audio2MeshModel's latent_dim (inference_audio.yaml: 512, whose 512 x 1404 output layer alone is 2.9 MB); the
# exporter's --tiny keeps it.
PARITY_A2M_LATENT = 64


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--aniportrait", type=Path, required=True, help="checkout of Zejun-Yang/AniPortrait (7f6593f)")
    p.add_argument("--film-repo", type=Path, required=True, help="checkout of dajes/frame-interpolation-pytorch (33bf477)")
    p.add_argument("--mediapipe", type=Path, required=True, help="checkout of google/mediapipe (v0.10.11), for its drawing code")
    p.add_argument("--photo", type=Path, default=REPO.parent / "shared" / "fixtures" / "aniportrait" / "ref_cxk.png")
    p.add_argument("--audio", type=Path, default=REPO.parent / "shared" / "fixtures" / "aniportrait" / "speech_cxk.wav",
                   help="speech; converted to 16 kHz mono 16-bit first, so the librosa.load of AniPortrait does not resample")
    p.add_argument("--seconds", type=float, default=None,
                   help="first seconds of the clip (default: all; speech_cxk.wav is 10.008 s: 3 audio2pose chunks of 5 s, the last two merged)")
    p.add_argument("--frames", type=int, default=61, help="audio2vid -L: pose frames diffused (with -acc 3: every 3rd)")
    p.add_argument("--steps", type=int, default=5, help="DDIM steps (AniPortrait's default is 25; 5 keeps a CPU run short)")
    p.add_argument("--cfg", type=float, default=3.5)
    p.add_argument("--fi-step", type=int, default=3)
    p.add_argument("--out", type=Path, default=REPO / "tests" / "fixtures" / "parity")
    p.add_argument("--skip-export", action="store_true", help="write AniPortrait's outputs only (the graphs come from an --only-export run)")
    p.add_argument("--graphs", nargs="*", default=None, help="with --only-export: these graphs only (names without .onnx)")
    p.add_argument("--only-export", action="store_true",
                   help="only build the seeded networks and export them (the same weights as a full run; for a second process)")
    return p.parse_args()


def main() -> int:
    args = parse_args()
    import hub_compat

    compat = hub_compat.install()
    import mediapipe_drawing
    import torch

    scratch = Path(tempfile.mkdtemp(prefix="parity-"))
    mediapipe_drawing.install(args.mediapipe.resolve(), scratch)
    aniportrait = args.aniportrait.resolve()
    sys.path.insert(0, str(aniportrait))

    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.only_export:
        _, ctx = build_networks(aniportrait, args.film_repo.resolve(), scratch)
        export_onnx(ctx, out, args.graphs)
        return 0
    samples = read_speech(args.audio, args.seconds)
    (out / "speech.s16").write_bytes(samples.astype("<i2").tobytes())
    wav_path = scratch / "speech.wav"
    write_wav(wav_path, samples)

    models, ctx = build_networks(aniportrait, args.film_repo.resolve(), scratch)
    rig = make_rig(args.mediapipe.resolve())
    size = ctx.dims["IMG_W"]
    reference = reference_image(args.photo, size)
    (out / "reference.rgb").write_bytes(reference.tobytes())
    photo_path = scratch / "reference.png"
    from PIL import Image

    Image.fromarray(reference).save(photo_path)

    key_count = len(range(0, args.frames, args.fi_step))
    lat = ctx.dims["LAT_H"]
    g = torch.Generator().manual_seed(LATENT_SEED)
    latents0 = torch.randn((1, 4, key_count, lat, lat), generator=g, dtype=torch.float32)

    started = time.time()
    captured = run_audio2vid(aniportrait, models, rig, photo_path, wav_path, latents0, args, scratch, size)

    print(f"audio2vid: {time.time() - started:.1f} s", flush=True)
    write_outputs(out, captured, latents0, rig)
    if not args.skip_export:
        export_onnx(ctx, out)
    provenance(out, args, compat, captured, size, key_count)
    print(f"wrote {out}: {sum(f.stat().st_size for f in out.iterdir()) / 1e6:.2f} MB")
    return 0


# ---- inputs -----------------------------------------------------------------------------------------------


def read_speech(path: Path, seconds: float) -> np.ndarray:
    """The first `seconds` of the voice as 16 kHz mono int16 (the file AniPortrait then reads needs no resampling)."""
    import librosa

    audio, _ = librosa.load(str(path), sr=16000, mono=True, duration=seconds)
    if seconds is not None and len(audio) < int(seconds * 16000):
        raise SystemExit(f"{path} is shorter than {seconds} s")
    return np.clip(np.round(audio * 32767), -32768, 32767).astype(np.int16)


def write_wav(path: Path, samples: np.ndarray) -> None:
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16000)
        w.writeframes(samples.astype("<i2").tobytes())


def reference_image(photo: Path, size: int) -> np.ndarray:
    """The photo's centre square at the model size (INTER_AREA), RGB: the reference both sides get."""
    import cv2

    image = cv2.cvtColor(cv2.imread(str(photo)), cv2.COLOR_BGR2RGB)
    h, w = image.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    return np.ascontiguousarray(cv2.resize(image[top:top + side, left:left + side], (size, size), interpolation=cv2.INTER_AREA))


def make_rig(mediapipe: Path) -> Dict[str, np.ndarray]:
    """In place of MediaPipe's FaceLandmarker: the canonical face (cm) 40 cm in front of the camera,
    turned a little, as `lmks3d` and `trans_mat` (float32 values, so both sides read the same numbers)."""
    vertices = [list(map(float, line.split()[1:4])) for line in
                (mediapipe / "mediapipe/modules/face_geometry/data/canonical_face_model.obj").read_text().splitlines() if line.startswith("v ")]
    lmks3d = np.array(vertices[:468], dtype=np.float32)
    from scipy.spatial.transform import Rotation

    trans = np.eye(4)
    trans[:3, :3] = 0.95 * Rotation.from_euler("xyz", [4.0, -6.0, 2.0], degrees=True).as_matrix()
    trans[:3, 3] = [0.4, -0.3, -40.0]
    return {"lmks3d": lmks3d, "trans_mat": trans.astype(np.float32)}


# ---- networks ---------------------------------------------------------------------------------------------


def build_networks(aniportrait: Path, film_repo: Path, scratch: Path):
    """The exporter's --tiny stand-ins with the PARITY_* sizes, built once (seeded), shared by AniPortrait's run and the export."""
    import torch
    from ap_onnx import arch
    from ap_onnx import graphs_film, graphs_video
    from ap_onnx import sources as src
    from ap_onnx.manifest import DEFAULT_MANIFEST, load_manifest
    from ap_onnx.plan import Context

    arch.TINY_UNET = {**arch.TINY_UNET, "block_out_channels": list(PARITY_UNET_CHANNELS),
                      "norm_num_groups": PARITY_UNET_NORM_GROUPS}  # read by sources' builders
    dims = dict(arch.TINY_DIMS)
    dims.update(C0=PARITY_UNET_CHANNELS[0], C1=PARITY_UNET_CHANNELS[1], C2=PARITY_UNET_CHANNELS[2])
    from ap_onnx import graphs_audio

    step_init = graphs_audio.Audio2PoseStepGraph.__init__

    def short_masks(self, model):
        step_init(self, model)
        self.self_bias = self.self_bias[:, :PARITY_A2P_LEN, :PARITY_A2P_LEN].clone()
        self.memory_bias = self.memory_bias[:PARITY_A2P_LEN, :PARITY_A2P_LEN].clone()

    graphs_audio.Audio2PoseStepGraph.__init__ = short_masks
    read_yaml = src._yaml

    def small_a2m(sources_, relative):
        config = read_yaml(sources_, relative)
        if "a2m_model" in config:
            config["a2m_model"]["latent_dim"] = PARITY_A2M_LATENT
        return config

    src._yaml = small_a2m
    sources = src.Sources(aniportrait, aniportrait / "pretrained_model", film_repo, random_init=True, tiny=True, scratch=scratch)
    src.import_aniportrait(aniportrait)
    for module, name in [("src.models.motion_module", "TemporalTransformer3DModel"), ("src.models.pose_guider", "Transformer2DModel")]:
        cls = getattr(importlib.import_module(module), name)

        def fewer_groups(self, *a, _init=cls.__init__, **k):
            k.setdefault("norm_num_groups", PARITY_UNET_NORM_GROUPS)
            _init(self, *a, **k)

        cls.__init__ = fewer_groups
    ctx = Context(sources=sources, manifest=load_manifest(DEFAULT_MANIFEST), dims=dims, device=torch.device("cpu"),
                  video_dtype=torch.float32, film_dtype=torch.float32, trace_frames=16, seed=SEED)
    torch.manual_seed(SEED)
    # Pose2VideoPipeline resizes the reference to 224 for CLIP whatever the encoder's size, so the tiny
    # CLIP takes 224 x 224 (7 x 7 patches of 32) instead of the exporter's 32 x 32.
    from transformers import CLIPVisionConfig, CLIPVisionModelWithProjection

    ctx.dims["CLIP_SIZE"] = CLIP_SIZE
    clip = CLIPVisionModelWithProjection(CLIPVisionConfig(**{**arch.TINY_CLIP_VISION, "image_size": CLIP_SIZE, "patch_size": 32}))
    src.use_eager_attention(clip)
    models: Dict[str, Any] = {
        "a2m": ctx.audio_model("a2m"),
        "a2p": ctx.audio_model("a2p"),
        "clip": clip.eval(),
        "vae": src.build_vae(sources),
        "reference_unet": src.build_reference_unet(sources),
        "denoising_unet": src.build_denoising_unet(sources),
        "pose_guider": src.build_pose_guider(sources),
    }
    sys.path.insert(0, str(film_repo))
    from interpolator import Interpolator

    models["film"] = Interpolator(**FILM_TINY).eval()
    # The exporter's plans get these same objects.
    for name, key in [("build_clip", "clip"), ("build_vae", "vae"), ("build_reference_unet", "reference_unet"),
                      ("build_denoising_unet", "denoising_unet"), ("build_pose_guider", "pose_guider")]:
        setattr(graphs_video, name, lambda _sources, _k=key: models[_k])
    graphs_film.build_film = lambda _sources: models["film"]
    # prepare_audio_feature reads a preprocessor config beside the wav2vec2 config (wav2vec2-base-960h's values).
    w2v = scratch / "wav2vec2-tiny"
    (w2v / "preprocessor_config.json").write_text(json.dumps({
        "do_normalize": True, "feature_extractor_type": "Wav2Vec2FeatureExtractor", "feature_size": 1,
        "padding_side": "right", "padding_value": 0.0, "return_attention_mask": False, "sampling_rate": 16000}))
    models["w2v_path"] = str(w2v)
    return models, ctx


class Film16:
    """AniPortrait's FILM is a float16 TorchScript module on CUDA; here float32 inside, float16 in and out."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def __call__(self, x0, x1, dt):
        import torch

        with torch.no_grad():
            return self.model(x0.float(), x1.float(), dt.float()).half()


# ---- AniPortrait's audio2vid --------------------------------------------------------------------------------


def run_audio2vid(aniportrait: Path, models: Dict[str, Any], rig: Dict[str, np.ndarray], photo: Path, wav: Path,
                  latents0: Any, args: argparse.Namespace, scratch: Path, size: int) -> Dict[str, Any]:
    import torch
    import yaml

    captured: Dict[str, Any] = {"pose_images": [], "canvas_sha256": []}
    # LMKExtractor (MediaPipe FaceLandmarker) is replaced by the rig.
    mp_utils = types.ModuleType("src.utils.mp_utils")

    class LMKExtractor:
        def __call__(self, image):
            from src.utils.pose_util import project_points

            rest = project_points(rig["lmks3d"][None].astype(np.float64), rig["trans_mat"].astype(np.float64), np.zeros((1, 6)), [size, size])[0]
            return {"lmks": np.concatenate([rest / size, np.zeros((468, 1))], 1), "lmks3d": rig["lmks3d"], "trans_mat": rig["trans_mat"]}

    mp_utils.LMKExtractor = LMKExtractor
    sys.modules["src.utils.mp_utils"] = mp_utils
    ffmpeg = types.ModuleType("ffmpeg")
    ffmpeg.input = lambda *a, **k: types.SimpleNamespace(video=None, audio=None)
    ffmpeg.output = lambda *a, **k: types.SimpleNamespace(run=lambda: None)
    sys.modules["ffmpeg"] = ffmpeg
    av = types.ModuleType("av")
    sys.modules.setdefault("av", av)

    config = {
        "pretrained_base_model_path": "unused", "pretrained_vae_path": "unused", "image_encoder_path": "unused",
        "denoising_unet_path": "denoising_unet.pth", "reference_unet_path": "reference_unet.pth",
        "pose_guider_path": "pose_guider.pth", "motion_module_path": "motion_module.pth",
        "audio_inference_config": str(scratch / "inference_audio.yaml"),
        "inference_config": str(aniportrait / "configs/inference/inference_v2.yaml"),
        "weight_dtype": "fp32",
        "test_cases": {str(photo): [str(wav)]},
    }
    audio_config = yaml.safe_load((aniportrait / "configs/inference/inference_audio.yaml").read_text())
    audio_config["a2m_model"]["model_path"] = models["w2v_path"]
    audio_config["a2m_model"]["latent_dim"] = PARITY_A2M_LATENT  # as the stand-in was built
    audio_config["a2p_model"]["model_path"] = models["w2v_path"]
    audio_config["pretrained_model"] = {"a2m_ckpt": "audio2mesh.pt", "a2p_ckpt": "audio2pose.pt"}
    (scratch / "inference_audio.yaml").write_text(yaml.safe_dump(audio_config))
    (scratch / "animation.yaml").write_text(yaml.safe_dump(config))

    a2v = importlib.import_module("scripts.audio2vid")
    for key in ["a2m", "a2p", "clip", "vae", "reference_unet", "denoising_unet", "pose_guider"]:
        model = models[key]
        object.__setattr__(model, "cuda", lambda *a, _m=model, **k: _m)
        object.__setattr__(model, "to", lambda *a, _m=model, **k: _m)
    states = {"audio2mesh.pt": models["a2m"], "audio2pose.pt": models["a2p"], "denoising_unet.pth": models["denoising_unet"],
              "reference_unet.pth": models["reference_unet"], "pose_guider.pth": models["pose_guider"]}
    a2v.Audio2MeshModel = lambda _cfg: models["a2m"]
    a2v.Audio2PoseModel = lambda _cfg: models["a2p"]
    a2v.AutoencoderKL = types.SimpleNamespace(from_pretrained=lambda *a, **k: models["vae"])
    a2v.UNet2DConditionModel = types.SimpleNamespace(from_pretrained=lambda *a, **k: models["reference_unet"])
    a2v.UNet3DConditionModel = types.SimpleNamespace(from_pretrained_2d=lambda *a, **k: models["denoising_unet"])
    a2v.PoseGuider = lambda *a, **k: models["pose_guider"]
    a2v.CLIPVisionModelWithProjection = types.SimpleNamespace(from_pretrained=lambda *a, **k: models["clip"])
    a2v.init_frame_interpolation_model = lambda: Film16(models["film"])
    original_load = torch.load
    torch.load = lambda path, *a, **k: {n: t.clone() for n, t in states[Path(str(path)).name].state_dict().items()}
    torch.Tensor.cuda = lambda self, *a, **k: self

    pipe_class = a2v.Pose2VideoPipeline
    pipe_class.to = lambda self, *a, **k: self
    pipe_class.prepare_latents = lambda self, *a, **k: latents0.clone()
    decode = pipe_class.decode_latents

    def decode_latents(self, latents):
        captured["final_latents"] = latents.detach().clone()
        images = decode(self, latents)
        captured["decoded"] = np.array(images)
        return images

    pipe_class.decode_latents = decode_latents
    project = a2v.project_points

    def project_points(*a, **k):
        result = project(*a, **k)
        captured["landmarks"] = np.array(result)
        captured["poses"] = np.array(a[2])
        captured["mesh"] = np.array(a[0])
        return result

    a2v.project_points = project_points
    vis_class = a2v.FaceMeshVisualizer
    draw = vis_class.draw_landmarks

    def draw_landmarks(self, image_size, keypoints, normed=False):
        image = draw(self, image_size, keypoints, normed)
        if not normed:
            captured["pose_images"].append(image.copy())
        return image

    vis_class.draw_landmarks = draw_landmarks
    import mediapipe

    drawing = mediapipe.solutions.drawing_utils
    mp_draw = drawing.draw_landmarks

    def hashed_draw(image, *a, **k):
        mp_draw(image, *a, **k)
        captured["canvas_sha256"].append(hashlib.sha256(np.ascontiguousarray(image).tobytes()).hexdigest())

    drawing.draw_landmarks = hashed_draw
    interpolate = a2v.batch_images_interpolation_tool

    def interpolation(video, model, inter_frames=1):
        result = interpolate(video, model, inter_frames=inter_frames)
        captured["film"] = result.detach().clone()
        return result

    a2v.batch_images_interpolation_tool = interpolation
    a2v.save_videos_grid = lambda videos, path, **k: Path(path).write_bytes(b"")

    sys.argv = ["audio2vid.py", "--config", str(scratch / "animation.yaml"), "-W", str(size), "-H", str(size), "-L", str(args.frames),
                "--cfg", str(args.cfg), "--steps", str(args.steps), "-acc", "--fi_step", str(args.fi_step)]
    random.seed(POSE_STYLE_SEED)
    captured["id_seed"] = random.Random(POSE_STYLE_SEED).randint(0, 99)
    import os

    cwd = os.getcwd()
    os.chdir(scratch)
    try:
        with torch.no_grad():
            a2v.main()
    finally:
        os.chdir(cwd)
        torch.load = original_load
    # draw_landmarks also drew the reference pose (normed) first; canvases: 1 reference + T frames.
    captured["canvas_sha256"] = captured["canvas_sha256"][1:]
    return captured


# ---- outputs ------------------------------------------------------------------------------------------------


def to_bytes(frames: Any) -> np.ndarray:
    """[1, 3, F, H, W] in [0, 1] -> [F, H, W, 3] uint8 as save_videos_grid writes (x * 255 truncated)."""
    x = np.asarray(frames)[0].transpose(1, 2, 3, 0)
    return (x * 255).astype(np.uint8)


def write_outputs(out: Path, c: Dict[str, Any], latents0: Any, rig: Dict[str, np.ndarray]) -> None:
    # frame-major [N, 4, h, w] at the engine's boundary
    (out / "initial-latents.f32").write_bytes(latents0[0].permute(1, 0, 2, 3).contiguous().numpy().astype("<f4").tobytes())
    (out / "final-latents.f32").write_bytes(c["final_latents"][0].permute(1, 0, 2, 3).contiguous().numpy().astype("<f4").tobytes())
    (out / "landmarks.f32").write_bytes(c["landmarks"].astype("<f4").tobytes())
    (out / "poses.f32").write_bytes(c["poses"].astype("<f4").tobytes())
    key = np.stack(c["pose_images"])
    (out / "decoded.rgb").write_bytes(to_bytes(c["decoded"]).tobytes())
    film = to_bytes(c["film"].numpy())
    (out / "film.rgb").write_bytes(film.tobytes())
    (out / "rig.json").write_text(json.dumps({"lmks3d": rig["lmks3d"].ravel().tolist(), "trans_mat": rig["trans_mat"].ravel().tolist()}))
    (out / "pose-images.json").write_text(json.dumps({
        "canvas_sha256": c["canvas_sha256"],
        "image_sha256": [hashlib.sha256(np.ascontiguousarray(i).tobytes()).hexdigest() for i in key],
    }, indent=0))
    c["frame_count"] = int(key.shape[0])
    if c["frame_count"] > PARITY_A2P_LEN:
        raise SystemExit(f"{c['frame_count']} track frames exceed the parity audio2pose mask length {PARITY_A2P_LEN}: raise PARITY_A2P_LEN")
    c["film_frames"] = int(film.shape[0])


def export_onnx(ctx: Any, out: Path, only: Any = None) -> None:
    import time

    import export_aniportrait as exporter

    graphs = [g for g in ctx.manifest.graphs if only is None or g.name in only]
    for i, graph in enumerate(graphs):
        started = time.time()
        result = exporter.export_one(ctx, graph, out, False, [], i + 1, len(graphs))
        if result.status != "ok":
            raise SystemExit(f"export of {graph.file} failed: {result.problems}")
        print(f"    {time.time() - started:.1f} s")
    exporter.write_folder_manifest(out, exporter.DEFAULT_MANIFEST, ctx.dims)


def provenance(out: Path, args: argparse.Namespace, compat: List[str], c: Dict[str, Any], size: int, key_count: int) -> None:
    from importlib import metadata

    from ap_onnx.sources import AP_COMMIT, FILM_COMMIT, checkout_commit

    versions = {}
    for package in ["torch", "diffusers", "transformers", "huggingface_hub", "numpy", "opencv-python-headless", "pillow", "librosa",
                    "scipy", "onnx", "onnxruntime", "einops", "omegaconf", "protobuf", "torchvision"]:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    record = {
        "what": "AniPortrait scripts/audio2vid.py main() with -acc on tiny random networks (scripts/parity/make_parity_fixtures.py)",
        "aniportrait_commit": checkout_commit(args.aniportrait) or AP_COMMIT,
        "film_commit": checkout_commit(args.film_repo) or FILM_COMMIT,
        "mediapipe": "v0.10.11 (drawing_utils.py, face_mesh_connections.py, landmark.proto)",
        "versions": versions,
        "huggingface_compat_names_added": compat,
        "seeds": {"weights": SEED, "initial_latents": LATENT_SEED, "python_random": POSE_STYLE_SEED},
        "id_seed": c["id_seed"],
        "audio": {"file": "speech.s16", "source": args.audio.name, "seconds": args.seconds, "sample_rate": 16000},
        "args": {"W": size, "H": size, "L": args.frames, "steps": args.steps, "cfg": args.cfg, "fi_step": args.fi_step, "weight_dtype": "fp32"},
        "film_tiny": FILM_TINY,
        "parity_sizes": {"unet_block_out_channels": PARITY_UNET_CHANNELS, "unet_norm_num_groups": PARITY_UNET_NORM_GROUPS,
                         "a2m_latent_dim": PARITY_A2M_LATENT, "a2p_mask_length": PARITY_A2P_LEN},
        "counts": {"track_frames": c["frame_count"], "key_frames": key_count, "film_frames": c["film_frames"]},
        "files": {
            "speech.s16": "16 kHz mono int16 samples AniPortrait read (librosa, no resampling)",
            "reference.rgb": f"{size}x{size} RGB reference image",
            "rig.json": "lmks3d (468 x 3, cm) and trans_mat (4 x 4 row-major) given to audio2vid in place of LMKExtractor",
            "initial-latents.f32": "[N, 4, h, w] injected initial latents",
            "poses.f32": "[T, 6] head poses after audio2pose, x0.5 rotations and smoothing",
            "landmarks.f32": "[T, 468, 2] project_points output (pixels of the W x H frame)",
            "pose-images.json": "SHA-256 of each 512x512 canvas after drawing and of each W x H pose image",
            "final-latents.f32": "[N, 4, h, w] latents after the last DDIM step",
            "decoded.rgb": "[N, H, W, 3] VAE-decoded key frames as save_videos_grid writes them",
            "film.rgb": "[(N-1)*fi_step+1, H, W, 3] frames after batch_images_interpolation_tool",
        },
    }
    (out / "parity.json").write_text(json.dumps(record, indent=2) + "\n")


if __name__ == "__main__":
    sys.exit(main())
