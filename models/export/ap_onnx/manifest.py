"""The model manifest (models/aniportrait.manifest.json), read to name, shape and check every graph.

A shape entry is a number (fixed), a name from `dims` (fixed, e.g. LAT_H) or any other name (a free
size that varies per call and must be a dynamic axis of the exported graph). dtype `float` means
float32 or float16 I/O; `int64` is exact.

Torch-free so it can be tested anywhere; `onnx` is imported only where a ModelProto is handled.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import ExportError

if TYPE_CHECKING:  # pragma: no cover
    import onnx

Dim = Union[int, str]

DEFAULT_MANIFEST = Path(__file__).resolve().parents[2] / "aniportrait.manifest.json"

# onnx.TensorProto element types (numbers, so this module does not need onnx to import).
_ONNX_FLOAT, _ONNX_FLOAT16, _ONNX_INT64 = 1, 10, 7
_ACCEPTED_TYPES = {"float": (_ONNX_FLOAT, _ONNX_FLOAT16), "int64": (_ONNX_INT64,)}
_TYPE_NAMES = {_ONNX_FLOAT: "float32", _ONNX_FLOAT16: "float16", _ONNX_INT64: "int64"}


@dataclass(frozen=True)
class TensorSpec:
    name: str
    dtype: str
    shape: Tuple[Dim, ...]


@dataclass(frozen=True)
class GraphSpec:
    file: str
    stage: str
    inputs: Tuple[TensorSpec, ...]
    outputs: Tuple[TensorSpec, ...]

    @property
    def name(self) -> str:
        """The file name without `.onnx`, used by --only."""
        return self.file[: -len(".onnx")] if self.file.endswith(".onnx") else self.file

    @property
    def input_names(self) -> List[str]:
        return [t.name for t in self.inputs]

    @property
    def output_names(self) -> List[str]:
        return [t.name for t in self.outputs]

    def output(self, name: str) -> TensorSpec:
        for tensor in self.outputs:
            if tensor.name == name:
                return tensor
        raise KeyError(f"{self.file} has no output {name!r}")


@dataclass(frozen=True)
class Manifest:
    dims: Dict[str, int]
    graphs: Tuple[GraphSpec, ...]

    def graph(self, name: str) -> GraphSpec:
        """Looks a graph up by file name or by its name without `.onnx`."""
        for graph in self.graphs:
            if name in (graph.file, graph.name):
                return graph
        known = ", ".join(g.name for g in self.graphs)
        raise ExportError(f"unknown graph {name!r}; the manifest has: {known}")


def load_manifest(path: Path = DEFAULT_MANIFEST) -> Manifest:
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ExportError(f"cannot read the model manifest {path}: {error}") from error
    if raw.get("format") != "aniportrait-model-manifest":
        raise ExportError(f"{path} is not an AniPortrait model manifest")
    dims = {str(k): int(v) for k, v in raw["dims"].items()}
    graphs = tuple(
        GraphSpec(
            file=g["file"],
            stage=g["stage"],
            inputs=tuple(_tensor(t) for t in g["inputs"]),
            outputs=tuple(_tensor(t) for t in g["outputs"]),
        )
        for g in raw["graphs"]
    )
    return Manifest(dims=dims, graphs=graphs)


def _tensor(raw: Mapping[str, object]) -> TensorSpec:
    shape = tuple(d if isinstance(d, int) else str(d) for d in raw["shape"])  # type: ignore[union-attr]
    return TensorSpec(name=str(raw["name"]), dtype=str(raw["dtype"]), shape=shape)


def fixed_size(dim: Dim, dims: Mapping[str, int]) -> Optional[int]:
    """The size a shape entry fixes, or None for a free size."""
    if isinstance(dim, int):
        return dim
    return dims.get(dim)


def concrete_shape(tensor: TensorSpec, dims: Mapping[str, int], free: Mapping[str, int]) -> Tuple[int, ...]:
    """A real shape for example inputs: fixed entries from `dims`, free ones from `free`."""
    shape = []
    for dim in tensor.shape:
        size = fixed_size(dim, dims)
        if size is None:
            if dim not in free:
                raise KeyError(f"{tensor.name}: no example size given for free axis {dim!r}")
            size = free[dim]  # type: ignore[index]
        shape.append(size)
    return tuple(shape)


def dynamic_axes(graph: GraphSpec, dims: Mapping[str, int]) -> Dict[str, Dict[int, str]]:
    """torch.onnx.export's dynamic_axes: every free size, named as in the manifest."""
    axes: Dict[str, Dict[int, str]] = {}
    for tensor in graph.inputs + graph.outputs:
        free = {axis: str(dim) for axis, dim in enumerate(tensor.shape) if fixed_size(dim, dims) is None}
        if free:
            axes[tensor.name] = free
    return axes


def _value_infos(model: "onnx.ModelProto", side: str) -> list:
    graph = model.graph
    if side == "output":
        return list(graph.output)
    initializers = {t.name for t in graph.initializer}
    return [v for v in graph.input if v.name not in initializers]


def pin_io_shapes(model: "onnx.ModelProto", graph: GraphSpec, dims: Mapping[str, int]) -> None:
    """Writes the manifest's sizes into the graph's I/O declarations where the exporter left them symbolic.

    Only fills in what the exporter could not infer (a symbolic axis the manifest fixes) and names free
    axes as the manifest does; a conflicting fixed size is left alone for check_signature to report.
    """
    for side, specs in (("input", graph.inputs), ("output", graph.outputs)):
        by_name = {v.name: v for v in _value_infos(model, side)}
        for spec in specs:
            value = by_name.get(spec.name)
            if value is None or not value.type.HasField("tensor_type"):
                continue
            shape = value.type.tensor_type.shape
            if len(shape.dim) != len(spec.shape):
                continue
            for axis, dim in enumerate(spec.shape):
                proto_dim = shape.dim[axis]
                size = fixed_size(dim, dims)
                if size is not None and not proto_dim.HasField("dim_value"):
                    proto_dim.dim_value = size
                elif size is None and not proto_dim.HasField("dim_value"):
                    proto_dim.dim_param = str(dim)


def check_signature(model: "onnx.ModelProto", graph: GraphSpec, dims: Mapping[str, int]) -> List[str]:
    """One sentence per difference between an exported graph's I/O and the manifest (empty when it fits).

    Stricter than the engine's load-time check: a free manifest axis must be a dynamic axis here, since a
    graph traced with that size frozen would pass the engine's check and then fail (or be wrong) at run time.
    """
    problems: List[str] = []
    for side, specs in (("input", graph.inputs), ("output", graph.outputs)):
        actual = _value_infos(model, side)
        by_name = {v.name: v for v in actual}
        for spec in specs:
            value = by_name.get(spec.name)
            if value is None:
                have = ", ".join(v.name for v in actual) or "none"
                problems.append(f"{side} {spec.name!r} is missing (the graph has {have})")
                continue
            problems.extend(_tensor_problems(side, spec, value, dims))
        extra = sorted(set(by_name) - {s.name for s in specs})
        if extra:
            problems.append(f"{side}s not in the manifest: {', '.join(extra)}")
        order = [v.name for v in actual if v.name in {s.name for s in specs}]
        if not problems and order != [s.name for s in specs]:
            problems.append(f"{side} order {order} differs from the manifest's {[s.name for s in specs]}")
    return problems


def _tensor_problems(side: str, spec: TensorSpec, value: "onnx.ValueInfoProto", dims: Mapping[str, int]) -> List[str]:
    where = f"{side} {spec.name!r}"
    tensor_type = value.type.tensor_type
    elem = tensor_type.elem_type
    if elem not in _ACCEPTED_TYPES.get(spec.dtype, ()):
        return [f"{where} is {_TYPE_NAMES.get(elem, f'type {elem}')}, expected {spec.dtype}"]
    got = list(tensor_type.shape.dim)
    if len(got) != len(spec.shape):
        return [f"{where} has rank {len(got)}, expected {len(spec.shape)} {list(spec.shape)}"]
    problems = []
    for axis, (want, have) in enumerate(zip(spec.shape, got)):
        size = fixed_size(want, dims)
        has_value = have.HasField("dim_value")
        if size is not None and (not has_value or have.dim_value != size):
            shown = have.dim_value if has_value else (have.dim_param or "?")
            problems.append(f"{where} axis {axis} is {shown}, expected {want} = {size}")
        elif size is None and has_value:
            problems.append(f"{where} axis {axis} is fixed to {have.dim_value}, expected the dynamic axis {want!r}")
    return problems


def describe_shape(shape: Sequence[int]) -> str:
    return "[" + ",".join(str(s) for s in shape) + "]"
