import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createRouter } from '../ipc/router.js';
import { NO_NATIVE_DIALOGS } from '../services/dialogs.js';
import { createStudioHandlers } from '../services/studio-services.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import { startWebHost } from './web-host.js';

/** `npm run serve`: the studio in a browser on this machine. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, models: { type: 'string' } } });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  const log = (message: string) => console.error(`[web-host] ${message}`);
  const handlers = createStudioHandlers({ host: 'web', dirs: resolveDataDirs(), dialogs: NO_NATIVE_DIALOGS, modelsDir: values.models });
  const staticDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const host = await startWebHost({ router: createRouter(handlers, log), staticDir, port, log });
  console.log(`AniPortrait Studio web host: ${host.url}`);
  console.log('Open that URL in a browser on this machine. Press Ctrl+C to stop.');
  // Every way out ends in process.exit, whose exit clean-ups kill running encoders and remove their .part files.
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void host.close().finally(() => process.exit(0));
  };
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, stop);
}

// A crash (a bug anywhere) must not leave ffmpeg running or a broken .part: log it and exit, which runs the clean-ups.
for (const event of ['uncaughtException', 'unhandledRejection'] as const) {
  process.on(event, (error: unknown) => {
    console.error(`[web-host] crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
