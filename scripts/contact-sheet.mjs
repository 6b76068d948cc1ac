// Contact sheets of the built-in engine: builds the Node side, then renders each photo's frames
// (rest, expressions, the extremes of yaw, pitch and roll, matte and plate) as PNGs.
// Usage: npm run contact-sheet -- OUT_DIR [PHOTO|FOLDER ...]
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs', '--main-only'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, ['dist/main/contact-sheet.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
