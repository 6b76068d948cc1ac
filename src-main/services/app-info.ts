import { createRequire } from 'node:module';
import type { AppInfo } from '../../src-shared/ipc/contract.js';
import { listExecutionProviders, onnxRuntimeVersion } from '../onnx-runtime/execution-providers.js';
import type { DataDirs } from '../util/data-dirs.js';
import { modelStatus } from './model-status.js';

const require = createRequire(import.meta.url);

export type HostKind = AppInfo['host'];

export function collectAppInfo(host: HostKind, dirs: DataDirs, modelsDir: string): AppInfo {
  const pkg = require('../../package.json') as { version: string };
  const versions: Record<string, string> = {
    node: process.versions.node,
    v8: process.versions.v8,
    onnxruntime: onnxRuntimeVersion(),
    ffmpeg: packageVersion('@ffmpeg-installer/ffmpeg'),
    ffprobe: packageVersion('@ffprobe-installer/ffprobe'),
  };
  if (process.versions.electron) versions.electron = process.versions.electron;
  if (process.versions.chrome) versions.chrome = process.versions.chrome;
  return {
    appVersion: pkg.version,
    host,
    versions,
    executionProviders: listExecutionProviders(),
    models: modelStatus(modelsDir),
    dataDir: dirs.dataDir,
    projectsDir: dirs.projectsDir,
    modelsDir,
  };
}

function packageVersion(name: string): string {
  try {
    return (require(name) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'not installed';
  }
}
