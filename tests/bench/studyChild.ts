// Run one `sim` command in this process, its output discarded, then print what it cost as JSON:
// peak resident memory (getrusage's maxRSS) and wall time. `npm run bench` starts it in a child
// process per measurement, so each figure comes from a fresh process.
import { runBatch } from '../../src/cli/commands/batch';

const started = performance.now();
const code = await Promise.resolve(
  runBatch(
    process.argv.slice(2),
    () => {},
    () => {},
  ),
);
process.stdout.write(
  `${JSON.stringify({
    code,
    seconds: (performance.now() - started) / 1000,
    maxRssKiB: process.resourceUsage().maxRSS,
  })}\n`,
);
