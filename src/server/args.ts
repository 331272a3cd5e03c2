// `npm run host -- [--port N] [--host ADDRESS] [--db PATH]`, read without a library: three
// options, each checked, each failure one line naming the option.

export interface HostArgs {
  port: number;
  host: string;
  db: string;
  help: boolean;
}

/** The database file when none is named: in the folder the server is started from. */
export const DEFAULT_DB = './threshold-workshops.db';
export const DEFAULT_PORT = 8080;
/** Every interface, so phones and laptops on the local network can reach it. */
export const DEFAULT_HOST = '0.0.0.0';

export const HOST_USAGE = [
  'usage: npm run host -- [--port N] [--host ADDRESS] [--db PATH]',
  `  --port N        the port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)`,
  `  --host ADDRESS  the address to listen on (default ${DEFAULT_HOST}: every network; 127.0.0.1: this machine only)`,
  `  --db PATH       the SQLite file that keeps the rooms (default ${DEFAULT_DB}; created if missing)`,
].join('\n');

export type ArgsResult = { ok: true; args: HostArgs } | { ok: false; message: string };

export function parseHostArgs(argv: readonly string[]): ArgsResult {
  const args: HostArgs = { port: DEFAULT_PORT, host: DEFAULT_HOST, db: DEFAULT_DB, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') {
      args.help = true;
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg];
    if (name !== '--port' && name !== '--host' && name !== '--db') {
      return { ok: false, message: `unknown option ${JSON.stringify(arg)}` };
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') {
      return { ok: false, message: `${name} needs a value` };
    }
    if (name === '--port') {
      const port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) {
        return {
          ok: false,
          message: `--port: expected a port from 0 to 65535, got ${JSON.stringify(value)}`,
        };
      }
      args.port = port;
    } else if (name === '--host') args.host = value;
    else args.db = value;
  }
  return { ok: true, args };
}
