#!/usr/bin/env node
// The `aniportrait` command; the TypeScript sources are built into dist/ by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('aniportrait: the CLI is not built yet. Run "npm run build" in the AniPortrait Studio folder first.\n');
  process.exit(1);
}
await import(cli);
