// `npm run host`: start the networked workshop's server. Builds the app first if dist/ is
// missing, opens (or creates) the database, and prints the addresses to open on the network.
// Every failure is one line and a non-zero exit, never a stack trace.

import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lanAddresses } from './addresses';
import { HOST_USAGE, parseHostArgs } from './args';
import { DIST_DIR, startServer } from './server';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function buildApp(): Promise<void> {
  process.stdout.write('The app is not built yet: building it (npm run build) …\n');
  const { build } = await import('vite');
  await build({ root: PROJECT_ROOT, logLevel: 'warn' });
}

async function main(): Promise<number> {
  const parsed = parseHostArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n${HOST_USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    process.stdout.write(`${HOST_USAGE}\n`);
    return 0;
  }
  if (!existsSync(resolve(DIST_DIR, 'index.html'))) await buildApp();
  const dbPath = resolve(args.db);
  const server = await startServer({ port: args.port, host: args.host, dbPath });
  for (const problem of server.scenarioProblems) {
    process.stderr.write(`A shipped scenario was left out: ${problem}\n`);
  }
  const urls = lanAddresses(networkInterfaces(), args.host, server.port);
  process.stdout.write(
    [
      'Threshold workshop server is running.',
      ...(urls.length > 0
        ? ['Open on the local network:', ...urls.map((u) => `  ${u}`)]
        : ['No network address found: only this machine can connect.']),
      `On this machine: http://localhost:${server.port}/`,
      `Rooms are kept in ${dbPath} (${server.hub.roomCount} room${server.hub.roomCount === 1 ? '' : 's'} resumed).`,
      'Press Ctrl+C to stop; the rooms resume when you start it again with the same --db.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    process.stdout.write('Stopping: saving the rooms …\n');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`The server could not start: ${detail}\n`);
    process.exit(1);
  },
);
