// Runs `sim batch` on its own (`npx tsx tests/engine/batch/batchCli.ts <args>`), as the CLI
// dispatcher would, so tests can start it in a child process with real worker threads.
import { runBatch } from '../../../src/cli/commands/batch';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const err = (line: string): void => void process.stderr.write(`${line}\n`);
void Promise.resolve(runBatch(process.argv.slice(2), out, err)).then((code) => {
  process.exitCode = code;
});
