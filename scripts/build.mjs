// Builds the renderer (Vite) and the Node-side entry points (esbuild) into dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await esbuild({
  ...common,
  entryPoints: {
    'electron-main': 'src-main/electron/electron-main.ts',
    'web-host': 'src-main/web-host/web-host-main.ts',
    cli: 'src-main/cli/cli-main.ts',
    bench: 'src-main/bench/bench-main.ts',
    'compare-lip-sync': 'src-main/tools/compare-lip-sync.ts',
    'contact-sheet': 'src-main/tools/contact-sheet.ts',
    'measure-expressions': 'src-main/tools/measure-expressions.ts',
  },
  outdir: 'dist/main',
  format: 'esm',
  // Dependencies load from node_modules at run time (native addons, ffmpeg binaries).
  packages: 'external',
});

// Sandboxed preloads cannot load modules: one self-contained CommonJS file, only electron external.
await esbuild({
  ...common,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist/main/preload.cjs',
  format: 'cjs',
  platform: 'browser',
  external: ['electron'],
});

// `--main-only` skips the renderer (quick rebuilds of the Node side).
if (!process.argv.includes('--main-only')) await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
