"""Export AniPortrait's networks to the ONNX graphs of models/aniportrait.manifest.json.

Modules:
  manifest        the manifest: graph specs, dims, dynamic axes, signature check (torch-free)
  naming          reference-bank tensor names from module paths (torch-free)
  arch            architecture configs for --random-init / --tiny (torch-free)
  sources         the user's AniPortrait checkout, weights and FILM code; model builders
  plan            ExportPlan (wrapper + example inputs per graph) and the run's Context
  export_attention  attention processor with plain matmuls (exports cleanly)
  einops_shim     traceable rearrange/repeat so the frame count stays a dynamic axis
  bank            explicit reference-attention bank (writer and reader block forwards)
  graphs_audio / graphs_video / graphs_film   one wrapper module per graph
  onnx_files      torch.onnx.export, external data, I/O pinning
  validate        onnxruntime vs PyTorch comparison
  checks          end-to-end checks against AniPortrait's own code paths
"""


class ExportError(RuntimeError):
    """A problem the user can fix (missing file, wrong version, mismatching graph); printed without a traceback."""
