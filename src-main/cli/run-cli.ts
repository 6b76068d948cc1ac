import { constants as osConstants } from 'node:os';
import { parseArgs } from 'node:util';
import { collectAppInfo } from '../services/app-info.js';
import { defaultModelsDir } from '../services/model-status.js';
import { resolveDataDirs } from '../util/data-dirs.js';
import { StudioError } from '../../src-shared/util/result.js';
import { formatInfo } from './format-info.js';
import { RENDER_HELP, RENDER_USAGE, renderCommand } from './render-command.js';
import { REENACT_HELP, REENACT_USAGE, reenactCommand } from './reenact-command.js';
import { TRACK_HELP, TRACK_USAGE, trackCommand } from './track-command.js';
import { JOBS_HELP, JOBS_USAGE, jobsCommand } from './jobs-command.js';
import { SUBMIT_HELP, SUBMIT_USAGE, submitCommand } from './submit-command.js';
import { WORKER_HELP, WORKER_USAGE, workerCommand } from './worker-command.js';

const USAGE = `Usage: aniportrait <command> [options]

Commands:
  render   photo + speech -> talking-head MP4
  track    photo + speech (or a performance video) -> landmark track (JSON)
  reenact  photo + performance video -> the photo performing it, MP4
  info     versions, execution providers and model status
  worker   render farm: run jobs from the queue (BullMQ on Redis)
  submit   render farm: queue a render
  jobs     render farm: list, cancel, retry jobs

  ${RENDER_USAGE}
  ${TRACK_USAGE}
  ${REENACT_USAGE}
  ${WORKER_USAGE}
  ${SUBMIT_USAGE}
  ${JOBS_USAGE}
  aniportrait info [--json] [--models DIR]

"aniportrait <command> --help" describes a command's options.
`;

const INFO_HELP = `Usage: aniportrait info [--json] [--models DIR]

Prints versions, the execution providers in the order they are tried, and which model files are
present (--models: the AniPortrait models' folder to check). --json: the same as JSON.
`;

/** What `aniportrait <command> --help` (or `aniportrait help <command>`) prints. */
const COMMAND_HELP: ReadonlyMap<string, string> = new Map([
  ['render', RENDER_HELP],
  ['track', TRACK_HELP],
  ['reenact', REENACT_HELP],
  ['info', INFO_HELP],
  ['worker', WORKER_HELP],
  ['submit', SUBMIT_HELP],
  ['jobs', JOBS_HELP],
]);

/** Commands that run until done or stopped by a signal; each returns its exit code (undefined: 0). */
type LongCommand = (args: string[], log: (line: string) => void, signal: AbortSignal) => Promise<number | void>;
const LONG_COMMANDS: ReadonlyMap<string, LongCommand> = new Map<string, LongCommand>([
  ['track', trackCommand],
  ['render', renderCommand],
  ['reenact', reenactCommand],
  ['worker', workerCommand],
  ['submit', submitCommand],
  ['jobs', (args: string[], log: (line: string) => void) => jobsCommand(args, log)],
]);

const isHelp = (arg: string) => arg === '--help' || arg === '-h';

/** The `aniportrait` command line: headless jobs over the same services as the studio. */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const help = COMMAND_HELP.get(command ?? '');
  if (help !== undefined && rest.some(isHelp)) {
    process.stdout.write(help);
    return 0;
  }
  const long = LONG_COMMANDS.get(command ?? '');
  if (long === undefined) return runCommand(argv);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  // Ctrl+C, SIGTERM and SIGHUP cancel cleanly: ffmpeg is stopped and no partial file stays behind;
  // the exit status is 128 + the signal's number, as shells report it (130 for Ctrl+C).
  const controller = new AbortController();
  let stoppedBy: StopSignal | undefined;
  const handlers = STOP_SIGNALS.map((name) => {
    const onSignal = () => {
      stoppedBy ??= name;
      controller.abort();
    };
    process.on(name, onSignal);
    return () => process.off(name, onSignal);
  });
  try {
    const code = (await long(rest, log, controller.signal)) ?? 0;
    // A worker stopped by a signal has finished cleanly (service managers expect 0).
    return stoppedBy && command !== 'worker' ? signalExitCode(stoppedBy) : code;
  } catch (error) {
    if (stoppedBy) {
      process.stderr.write(`\naniportrait ${command}: stopped (${stoppedBy}); no partial file was left behind.\n`);
      return signalExitCode(stoppedBy);
    }
    // parseArgs throws TypeErrors with a code for unknown or malformed options.
    if (!(error instanceof StudioError) && !(error instanceof TypeError && 'code' in error)) throw error;
    process.stderr.write(`\naniportrait ${command}: ${error.message}\n`);
    return error instanceof StudioError && error.code !== 'invalid-request' ? 1 : 2;
  } finally {
    handlers.forEach((off) => off());
  }
}

type StopSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP';
const STOP_SIGNALS: readonly StopSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

function signalExitCode(name: StopSignal): number {
  return 128 + osConstants.signals[name];
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
    case undefined:
    case 'help':
    case '--help':
    case '-h': {
      const help = COMMAND_HELP.get(rest[0] ?? '');
      process.stdout.write(help ?? USAGE);
      return command === undefined && help === undefined ? 2 : 0;
    }
    default:
      process.stderr.write(`aniportrait: unknown command "${command}".\n\n${USAGE}`);
      return 2;
  }
}
