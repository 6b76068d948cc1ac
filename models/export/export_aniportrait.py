#!/usr/bin/env python3
"""Export AniPortrait's networks to the ONNX graphs of models/aniportrait.manifest.json.

Run once, on a machine with an NVIDIA GPU, CUDA and the pinned PyTorch stack (requirements.txt), with
an AniPortrait checkout and its downloaded weights; then copy the output folder to the studio's models
folder. Step by step: models/README.md.

  python models/export/export_aniportrait.py --aniportrait ~/AniPortrait \\
      --film-repo ~/frame-interpolation-pytorch --out ~/aniportrait-onnx --validate
"""
from __future__ import annotations

import argparse
import gc
import json
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ap_onnx import ExportError  # noqa: E402
from ap_onnx.manifest import DEFAULT_MANIFEST, GraphSpec, Manifest, load_manifest  # noqa: E402

PINNED = {"torch": "2.0.1", "diffusers": "0.24.0", "transformers": "4.30.2"}
EXIT_EXPORT_FAILED, EXIT_USAGE, EXIT_VALIDATION_FAILED = 1, 2, 3


def parse_args(argv: Optional[Sequence[str]]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Export AniPortrait (commit 7f6593f) to the ONNX graphs AniPortrait Studio's ONNX engine loads.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=(
            "GRAPH is a file name from the manifest with or without .onnx (e.g. denoising_unet) or a stage:\n"
            "audio2lmk, lmk2video, interpolation. Exit status: 0 done, 1 a graph failed to export or does not\n"
            "match the manifest, 2 wrong usage or missing inputs, 3 --validate found a mismatch."
        ),
    )
    parser.add_argument("--aniportrait", type=Path, required=True, help="AniPortrait checkout (git clone; commit 7f6593f)")
    parser.add_argument("--weights", type=Path, help="downloaded weights (default: <aniportrait>/pretrained_model)")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .onnx files (created)")
    parser.add_argument("--film-repo", type=Path, help="clone of dajes/frame-interpolation-pytorch (needed for film_net)")
    parser.add_argument("--only", nargs="+", metavar="GRAPH", help="export only these graphs (default: all 11)")
    precision = parser.add_mutually_exclusive_group()
    precision.add_argument("--fp16", dest="fp16", action="store_true", default=True,
                           help="float16 inside the Lmk2Video graphs, float32 I/O (default; needs CUDA)")
    precision.add_argument("--fp32", dest="fp16", action="store_false",
                           help="float32 everywhere (2x the size; runs on onnxruntime's CPU provider, e.g. for tests)")
    parser.add_argument("--film-fp16", action="store_true", help="float16 inside film_net too (default float32, see graphs_film.py)")
    parser.add_argument("--device", default="cuda", help="torch device for tracing and validation (default cuda; cpu needs --fp32)")
    parser.add_argument("--random-init", action="store_true", help="random weights of the real shapes; needs no downloaded weights")
    parser.add_argument("--tiny", action="store_true", help="small random stand-ins (implies --random-init); the app will not load them")
    parser.add_argument("--validate", action="store_true", help="compare onnxruntime with PyTorch on random inputs, plus two end-to-end checks")
    parser.add_argument("--trace-frames", type=int, default=16, help="window size F the denoising UNet is traced with (dynamic anyway; lower it to save GPU memory)")
    parser.add_argument("--seed", type=int, default=0, help="seed for random weights and example inputs")
    parser.add_argument("--manifest", type=Path, default=DEFAULT_MANIFEST, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.tiny:
        args.random_init = True
    if not 1 <= args.trace_frames <= 32:
        parser.error("--trace-frames must be 1..32 (the motion modules' positional encoding holds 32 frames)")
    return args


def select_graphs(manifest: Manifest, only: Optional[Sequence[str]]) -> List[GraphSpec]:
    if not only:
        return list(manifest.graphs)
    wanted = set()
    for name in only:
        stage = [g.file for g in manifest.graphs if g.stage == name]
        wanted.update(stage or [manifest.graph(name).file])
    return [g for g in manifest.graphs if g.file in wanted]


@dataclass
class GraphResult:
    file: str
    status: str = "not exported"
    bytes: int = 0
    precision: str = ""
    seconds: float = 0.0
    problems: List[str] = field(default_factory=list)
    validation: Optional[Dict[str, Any]] = None


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(argv)
    try:
        return run(args)
    except ExportError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE


def run(args: argparse.Namespace) -> int:
    manifest = load_manifest(args.manifest)
    graphs = select_graphs(manifest, args.only)
    environment = check_environment(args)

    import torch

    from ap_onnx import arch
    from ap_onnx.plan import Context
    from ap_onnx.sources import Sources, import_aniportrait, missing_inputs, scratch_dir

    aniportrait = args.aniportrait.expanduser().resolve()
    weights = (args.weights or aniportrait / "pretrained_model").expanduser().resolve()
    out_dir = args.out.expanduser().resolve()
    film_repo = args.film_repo.expanduser().resolve() if args.film_repo else None
    sources = Sources(aniportrait, weights, film_repo, args.random_init, args.tiny, scratch=out_dir)
    problems = missing_inputs(sources, [g.name for g in graphs])
    if problems:
        raise ExportError("missing inputs:\n  " + "\n  ".join(problems))
    sources.scratch = scratch_dir(out_dir)
    import_aniportrait(aniportrait)
    _import_check()

    torch.manual_seed(args.seed)
    if not args.fp16:  # deterministic float32 references (no TF32 on Ampere+)
        torch.backends.cuda.matmul.allow_tf32 = False
        torch.backends.cudnn.allow_tf32 = False
    ctx = Context(
        sources=sources,
        manifest=manifest,
        dims=dict(arch.TINY_DIMS if args.tiny else manifest.dims),
        device=torch.device(args.device),
        video_dtype=torch.float16 if args.fp16 else torch.float32,
        film_dtype=torch.float16 if (args.fp16 and args.film_fp16) else torch.float32,
        trace_frames=args.trace_frames,
        seed=args.seed,
    )
    print(f"exporting {len(graphs)} graph(s) to {out_dir} ({'fp16' if args.fp16 else 'fp32'} internals, f32 I/O, opset 17)")
    if args.tiny:
        print("  --tiny: small stand-in shapes, described by the aniportrait.manifest.json written beside them")

    try:
        results, checks = export_all(ctx, graphs, out_dir, args)
    finally:
        import shutil

        shutil.rmtree(sources.scratch, ignore_errors=True)
    write_report(out_dir, args, environment, results, checks)
    write_folder_manifest(out_dir, args.manifest, ctx.dims)
    return print_summary(results, checks)


def write_folder_manifest(out_dir: Path, manifest_path: Path, dims: Dict[str, int]) -> None:
    """The manifest with this export's sizes, beside the graphs: the studio reads sizes from it."""
    raw = json.loads(Path(manifest_path).read_text(encoding="utf-8"))
    raw["dims"] = {name: int(dims[name]) for name in raw["dims"]}
    (out_dir / "aniportrait.manifest.json").write_text(json.dumps(raw, indent=2) + "\n", encoding="utf-8")


def check_environment(args: argparse.Namespace) -> Dict[str, str]:
    from importlib import metadata

    versions: Dict[str, str] = {"python": sys.version.split()[0]}
    needed = ["torch", "diffusers", "transformers", "onnx", "einops", "omegaconf"] + (["onnxruntime"] if args.validate else [])
    missing = []
    for package in needed:
        names = [package, "onnxruntime-gpu"] if package == "onnxruntime" else [package]
        found = None
        for name in names:
            try:
                found = metadata.version(name)
                break
            except metadata.PackageNotFoundError:
                continue
        if found is None:
            missing.append(package)
        else:
            versions[package] = found
    if missing:
        raise ExportError(f"not installed: {', '.join(missing)} (pip install -r models/export/requirements.txt)")
    for package, pinned in PINNED.items():
        if not versions[package].startswith(pinned):
            print(f"warning: {package} {versions[package]} is not the pinned {pinned}; the export was written for the pinned stack")
    import torch

    if args.device.startswith("cuda") and not torch.cuda.is_available():
        raise ExportError("CUDA is not available to torch; use a CUDA machine, or --device cpu --fp32 (slow; 'tiny' for a quick test)")
    if args.fp16 and not args.device.startswith("cuda"):
        raise ExportError("float16 export needs --device cuda (PyTorch lacks f16 kernels on CPU); pass --fp32 for a CPU export")
    if args.device.startswith("cuda"):
        versions["gpu"] = torch.cuda.get_device_name(torch.device(args.device))
    print("  " + ", ".join(f"{k} {v}" for k, v in versions.items()))
    return versions


def _import_check() -> None:
    try:
        import src.audio_models.pose_model  # noqa: F401
        import src.models.pose_guider  # noqa: F401
        import src.models.unet_3d  # noqa: F401
    except ImportError as error:
        raise ExportError(f"cannot import AniPortrait's modules from the checkout: {error}") from error


def export_all(ctx: Any, graphs: List[GraphSpec], out_dir: Path, args: argparse.Namespace):
    from ap_onnx.validate import providers_for

    providers = providers_for(args.device) if args.validate else []
    checks: List[Dict[str, Any]] = []
    names = {g.name for g in graphs}
    if args.validate and {"reference_unet", "denoising_unet"} <= names:
        checks.append(run_check("bank equivalence", lambda: _bank_check(ctx)))
    results = [export_one(ctx, graph, out_dir, args.validate, providers, i + 1, len(graphs)) for i, graph in enumerate(graphs)]
    audio = ["w2v_feature_encoder", "audio2mesh", "audio2pose_encoder", "audio2pose_step"]
    if args.validate and any(a in names for a in audio) and all((out_dir / f"{a}.onnx").exists() for a in audio):
        checks.append(run_check("audio pipeline", lambda: _audio_check(ctx, out_dir, providers)))
    return results, checks


def _bank_check(ctx: Any) -> Any:
    from ap_onnx.checks import bank_equivalence

    print("check: explicit reference bank vs AniPortrait's ReferenceAttentionControl (PyTorch)")
    return bank_equivalence(ctx)


def _audio_check(ctx: Any, out_dir: Path, providers: List[str]) -> Any:
    from ap_onnx.checks import audio_pipeline

    print("check: the four audio graphs chained vs Audio2MeshModel.infer / Audio2PoseModel.infer")
    return audio_pipeline(ctx, out_dir, providers)


def run_check(name: str, check: Any) -> Dict[str, Any]:
    try:
        verdict = check()
    except Exception as error:  # noqa: BLE001 - a failed check is reported, the export goes on
        traceback.print_exc()
        return {"check": name, "status": "ERROR", "detail": str(error)}
    finally:
        _free_memory()
    return {"check": name, **asdict(verdict)}


def export_one(ctx: Any, graph: GraphSpec, out_dir: Path, validate: bool, providers: List[str], index: int, total: int) -> GraphResult:
    from ap_onnx.graphs_audio import PLANS as AUDIO
    from ap_onnx.graphs_film import PLANS as FILM
    from ap_onnx.graphs_video import PLANS as VIDEO
    from ap_onnx.onnx_files import check_file, export_graph, size_on_disk
    from ap_onnx.plan import run_torch
    from ap_onnx.validate import compare

    plans = {**AUDIO, **VIDEO, **FILM}
    result = GraphResult(graph.file)
    started = time.time()
    print(f"[{index}/{total}] {graph.file}")
    try:
        plan = plans[graph.name](ctx)
        result.precision = plan.precision
        for note in plan.notes:
            print(f"    {note}")
        expected = [run_torch(plan.reference or plan.module, case, ctx.device) for case in plan.cases] if validate else []
        path = export_graph(plan, graph, ctx.dims, out_dir, ctx.device)
        cases = plan.cases
        del plan
        _free_memory()
        result.bytes = size_on_disk(path)
        result.problems = check_file(path, graph, ctx.dims)
        result.status = "ok" if not result.problems else "mismatch"
        for problem in result.problems:
            print(f"    MANIFEST MISMATCH: {problem}")
        print(f"    wrote {path.name} ({result.bytes / 1e6:,.1f} MB{' + .data' if path.with_name(path.name + '.data').exists() else ''}); manifest check {result.status}")
        if validate:
            result.validation = asdict(compare(path, graph, cases, expected, result.precision, providers))
    except ExportError as error:
        result.status, result.problems = "failed", [str(error)]
        print(f"    FAILED: {error}")
    except Exception as error:  # noqa: BLE001 - one graph's failure should not stop the others
        traceback.print_exc()
        result.status, result.problems = "failed", [f"{type(error).__name__}: {error}"]
        print(f"    FAILED: {type(error).__name__}: {error}")
    finally:
        _free_memory()
        result.seconds = round(time.time() - started, 1)
    return result


def _free_memory() -> None:
    gc.collect()
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except ImportError:
        pass


def write_report(out_dir: Path, args: argparse.Namespace, environment: Dict[str, str], results: List[GraphResult], checks: List[Dict[str, Any]]) -> None:
    from ap_onnx.sources import AP_COMMIT, checkout_commit

    report = {
        "format": "aniportrait-export-report",
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "aniportrait": {"expected": AP_COMMIT, "checkout": checkout_commit(args.aniportrait)},
        "options": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "environment": environment,
        "graphs": [asdict(r) for r in results],
        "checks": checks,
    }
    (out_dir / "export-report.json").write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")


def print_summary(results: List[GraphResult], checks: List[Dict[str, Any]]) -> int:
    print("\nsummary")
    for r in results:
        validation = ""
        if r.validation:
            v = r.validation
            validation = f"  validate {v['status']} max|d| {v['max_abs']:.2e} rel {v['max_rel']:.2e} ({v['provider']})"
        print(f"  {r.file:<26} {r.status:<9} {r.bytes / 1e6:>9,.1f} MB  {r.precision:<5} {r.seconds:>6.0f} s{validation}")
    for c in checks:
        detail = f"max|d| {c['max_abs']:.2e} rel {c['max_rel']:.2e}" if "max_rel" in c else c.get("detail", "")
        print(f"  check {c['check']:<28} {c['status']:<6} {detail}")
    if any(r.status != "ok" for r in results):
        return EXIT_EXPORT_FAILED
    statuses = [r.validation["status"] for r in results if r.validation] + [c["status"] for c in checks]
    if any(s in ("FAIL", "ERROR") for s in statuses):
        return EXIT_VALIDATION_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
