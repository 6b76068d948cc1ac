import { parseArgs } from 'node:util';
import { collectAppInfo } from '../services/app-info.js';
import { defaultModelsDir } from '../services/model-status.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import { StudioError } from '../../src-shared/util/result.js';
import { formatInfo } from './format-info.js';
import { TRACK_USAGE, trackCommand } from './track-command.js';

const USAGE = `Usage: aniportrait <command> [options]

Commands:
  info [--json] [--models DIR]   versions, execution providers and model status
  ${TRACK_USAGE}
                                 photo + speech -> landmark track (built-in engine)

Not in this build yet (it fails with a message): render.
`;

/** The `aniportrait` command line: headless jobs over the same services as the studio. */
export async function runCli(argv: string[]): Promise<number> {
  if (argv[0] === 'track') {
    try {
      await trackCommand(argv.slice(1), (line) => process.stderr.write(`${line}\n`));
      return 0;
    } catch (error) {
      if (!(error instanceof StudioError) && !(error instanceof TypeError && 'code' in error)) throw error;
      process.stderr.write(`aniportrait track: ${error.message}\n`);
      return error instanceof StudioError && error.code !== 'invalid-request' ? 1 : 2;
    }
  }
  return runCommand(argv);
}

function runCommand(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'info': {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, models: { type: 'string' } } });
      const dirs = resolveDataDirs();
      const info = collectAppInfo('cli', dirs, values.models ?? defaultModelsDir(dirs.dataDir));
      process.stdout.write(values.json ? `${JSON.stringify(info, null, 2)}\n` : formatInfo(info));
      return 0;
    }
    case 'render':
      process.stderr.write(`aniportrait ${command}: not available in this build yet; the built-in engines are not implemented.\n`);
      return 2;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`aniportrait: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
