"""MediaPipe's drawing code, importable without MediaPipe's binary package.

AniPortrait's `src/utils/draw_util.py` draws pose images with `mediapipe.solutions.drawing_utils` and
`landmark_pb2`. The mediapipe wheel is not installable everywhere (and holds the C++ graph runtime,
which drawing does not need), so this assembles a small `mediapipe` package in a scratch folder from a
checkout of google/mediapipe (tag v0.10.11, AniPortrait's pin): its own `drawing_utils.py` and
`face_mesh_connections.py` copied unchanged, its `.proto` files compiled with grpc_tools' protoc (so
landmark fields are float32 exactly as in the wheel), and two one-line modules: `face_mesh` (only the
connection sets; MediaPipe's own face_mesh.py loads the C++ graph) and `drawing_styles` (only
`DrawingSpec`, which is drawing_utils' class).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

PROTOS = [
    "mediapipe/framework/formats/landmark.proto",
    "mediapipe/framework/formats/detection.proto",
    "mediapipe/framework/formats/location_data.proto",
    "mediapipe/framework/formats/annotation/rasterization.proto",
]
COPIED = ["drawing_utils.py", "face_mesh_connections.py"]


def install(checkout: Path, scratch: Path) -> Path:
    """Builds the package under `scratch` and puts it first on sys.path; returns its folder."""
    missing = [p for p in PROTOS + [f"mediapipe/python/solutions/{f}" for f in COPIED] if not (checkout / p).is_file()]
    if missing:
        raise SystemExit(f"--mediapipe {checkout}: not a google/mediapipe checkout (missing {', '.join(missing)})")
    root = scratch / "mediapipe-drawing"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "grpc_tools.protoc", f"-I{checkout}", f"--python_out={root}", *PROTOS], check=True)
    solutions = root / "mediapipe" / "python" / "solutions"
    solutions.mkdir(parents=True)
    for name in COPIED:
        shutil.copy(checkout / "mediapipe" / "python" / "solutions" / name, solutions / name)
    (solutions / "face_mesh.py").write_text("from mediapipe.python.solutions.face_mesh_connections import *  # noqa: F401,F403\n")
    (solutions / "drawing_styles.py").write_text("from mediapipe.python.solutions.drawing_utils import DrawingSpec  # noqa: F401\n")
    (solutions / "__init__.py").write_text("from . import drawing_utils, drawing_styles, face_mesh  # noqa: F401\n")
    (root / "mediapipe" / "python" / "__init__.py").write_text("from . import solutions  # noqa: F401\n")
    (root / "mediapipe" / "__init__.py").write_text("from mediapipe.python import solutions  # noqa: F401\n")
    for folder in ["mediapipe/framework", "mediapipe/framework/formats", "mediapipe/framework/formats/annotation"]:
        (root / folder / "__init__.py").touch()
    sys.path.insert(0, str(root))
    return root
