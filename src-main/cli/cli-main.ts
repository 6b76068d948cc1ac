import { runCli } from './run-cli.js';

/** Entry of the `aniportrait` bin. */
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`aniportrait: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
