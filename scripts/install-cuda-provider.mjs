// GPU opt-in (README, "GPU opt-in"): downloads onnxruntime-node's CUDA 12 provider binaries, which
// its install script fetches from GitHub releases. Installs skip that step by default (.npmrc and
// package.json allowScripts), because the CPU provider ships in the npm package and many machines
// cannot reach GitHub.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const ortDir = dirname(require.resolve('onnxruntime-node/package.json'));
const flavour = process.argv[2] ?? 'cuda12';
const result = spawnSync(process.execPath, [join(ortDir, 'script', 'install.js')], {
  cwd: ortDir,
  stdio: 'inherit',
  env: { ...process.env, ONNXRUNTIME_NODE_INSTALL: flavour },
});
if (result.status !== 0) {
  console.error(`Installing the ${flavour} provider failed (exit ${result.status}). It needs access to github.com; see README "GPU opt-in".`);
  process.exit(result.status ?? 1);
}
console.log(`Installed the ${flavour} execution provider. Check with: npx aniportrait info`);
