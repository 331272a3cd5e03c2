import path from 'node:path';
import { RuleTester } from 'eslint';
import { describe, expect, it } from 'vitest';
import layers from '../../eslint/layers.js';
import { lanAddresses } from '../../src/server/addresses';
import { DEFAULT_DB, parseHostArgs } from '../../src/server/args';
import { fullBucket, take } from '../../src/server/rateLimit';

describe('npm run host options', () => {
  it('reads --port, --host and --db, with defaults', () => {
    expect(parseHostArgs([])).toEqual({
      ok: true,
      args: { port: 8080, host: '0.0.0.0', db: DEFAULT_DB, help: false },
    });
    expect(parseHostArgs(['--port', '0', '--host=127.0.0.1', '--db', '/tmp/x.db'])).toMatchObject({
      ok: true,
      args: { port: 0, host: '127.0.0.1', db: '/tmp/x.db' },
    });
    expect(parseHostArgs(['--port', 'eighty'])).toEqual({
      ok: false,
      message: '--port: expected a port from 0 to 65535, got "eighty"',
    });
    expect(parseHostArgs(['--db'])).toEqual({ ok: false, message: '--db needs a value' });
    expect(parseHostArgs(['--colour'])).toEqual({
      ok: false,
      message: 'unknown option "--colour"',
    });
  });

  it('lists the local network addresses to open', () => {
    const interfaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
    } as unknown as Parameters<typeof lanAddresses>[0];
    expect(lanAddresses(interfaces, '0.0.0.0', 8080)).toEqual(['http://192.168.1.20:8080/']);
    expect(lanAddresses(interfaces, '127.0.0.1', 8080)).toEqual(['http://127.0.0.1:8080/']);
  });
});

describe('rate limit', () => {
  it('lets a burst through, then one message per refill', () => {
    const limit = { burst: 3, perSecond: 2 };
    let bucket = fullBucket(limit, 0);
    const allowed: boolean[] = [];
    for (const now of [0, 0, 0, 0, 499, 500, 500]) {
      const taken = take(bucket, limit, now);
      bucket = taken.bucket;
      allowed.push(taken.allowed);
    }
    expect(allowed).toEqual([true, true, true, false, false, true, false]);
  });
});

const src = (file: string) => path.join(process.cwd(), 'src', file);
RuleTester.describe = describe;
RuleTester.it = it;
new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } }).run(
  'threshold/layers (server)',
  layers.rules.layers,
  {
    valid: [
      { filename: src('server/rooms.ts'), code: "import { x } from '../engine/game';" },
      { filename: src('server/rooms.ts'), code: "import { x } from '../lib/saveFormat';" },
    ],
    invalid: [
      {
        filename: src('server/views.ts'),
        code: "import { x } from '../ui/workshop/controller.svelte';",
        errors: [{ messageId: 'forbidden' }],
      },
    ],
  },
);
