// A real scheduler: a one-node Slurm cluster (munged, slurmctld, slurmd) started for this test
// with its configuration, state and logs in a temporary folder (the daemons are given `-f` and
// their own socket and ports; nothing under /etc is touched), runs `sim sweep … --emit slurm` as
// a four-task array job and its merge job; the merged result must equal the unsharded run. Only
// the daemons this test started are stopped, by their process ids.
//
// Needs Slurm (`apt-get install -y slurm-wlm munge`, as .ci/run does) and root. Without them the
// test is skipped and its name says why; with CI=true a missing Slurm fails it instead.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chownSync,
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { hostname, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sim, withoutTiming } from './simCli';

const PROGRAMS = ['munged', 'mungekey', 'slurmctld', 'slurmd', 'sbatch', 'sinfo', 'squeue'];

function onPath(program: string): boolean {
  return (process.env.PATH ?? '')
    .split(':')
    .concat('/usr/sbin', '/sbin')
    .some((dir) => dir !== '' && existsSync(join(dir, program)));
}

const missing = PROGRAMS.filter((p) => !onPath(p));
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const why =
  missing.length > 0
    ? `Slurm is not installed (missing ${missing.join(', ')}; apt-get install -y slurm-wlm munge)`
    : !isRoot
      ? 'starting Slurm daemons needs root'
      : null;
const inCi = process.env.CI === 'true' || process.env.CI === '1';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll `check` every half second until it is true or `seconds` have passed. */
async function until(check: () => boolean, seconds: number, what: string): Promise<void> {
  for (let waited = 0; waited < seconds * 1000; waited += 500) {
    if (check()) return;
    await wait(500);
  }
  throw new Error(`timed out after ${seconds} s waiting for ${what}`);
}

/** The daemons this test started (pid files it gave them), stopped in reverse order. */
const pidFiles: string[] = [];
let root = '';

function stopDaemons(): void {
  for (const file of [...pidFiles].reverse()) {
    if (!existsSync(file)) continue;
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 1) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  pidFiles.length = 0;
}

afterAll(async () => {
  stopDaemons();
  await wait(1000);
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('Slurm', () => {
  if (why && inCi) {
    it('is installed on CI (.ci/run installs slurm-wlm and munge)', () => {
      throw new Error(`with CI=true the Slurm test must run, but ${why}`);
    });
    return;
  }

  it.skipIf(why !== null)(
    `a sweep emitted as a four-task array job and merged equals the unsharded run${why ? ` (skipped: ${why})` : ''}`,
    async () => {
      root = mkdtempSync(join(tmpdir(), 'threshold-slurm-'));
      chmodSync(root, 0o755);
      const munge = join(root, 'munge');
      mkdirSync(munge, { mode: 0o755 });
      for (const dir of ['ctld', 'spool', 'log', 'parts']) mkdirSync(join(root, dir));
      const mungeUser = execFileSync('id', ['-u', 'munge'], { encoding: 'utf8' }).trim();
      const mungeGroup = execFileSync('id', ['-g', 'munge'], { encoding: 'utf8' }).trim();
      chownSync(munge, Number(mungeUser), Number(mungeGroup));
      const key = join(munge, 'munge.key');
      execFileSync('mungekey', ['-c', '-k', key]);
      chownSync(key, Number(mungeUser), Number(mungeGroup));
      chmodSync(key, 0o400);
      const socket = join(munge, 'munge.socket');
      const mungePid = join(munge, 'munged.pid');
      pidFiles.push(mungePid);
      execFileSync('su', [
        '-s',
        '/bin/sh',
        'munge',
        '-c',
        `munged --socket=${socket} --key-file=${key} --pid-file=${mungePid} --log-file=${join(munge, 'munged.log')} --seed-file=${join(munge, 'munged.seed')}`,
      ]);
      await until(() => existsSync(socket), 20, 'munged');

      // Ports of our own (not the default 6817/6818), from this process id.
      const port = 20000 + (process.pid % 5000) * 2;
      const host = hostname();
      const conf = join(root, 'slurm.conf');
      writeFileSync(
        conf,
        [
          'ClusterName=threshold-test',
          `SlurmctldHost=${host}`,
          `SlurmctldPort=${port}`,
          `SlurmdPort=${port + 1}`,
          'SlurmUser=root',
          'AuthType=auth/munge',
          'CredType=cred/munge',
          `AuthInfo=socket=${socket}`,
          `StateSaveLocation=${join(root, 'ctld')}`,
          `SlurmdSpoolDir=${join(root, 'spool')}`,
          `SlurmctldPidFile=${join(root, 'slurmctld.pid')}`,
          `SlurmdPidFile=${join(root, 'slurmd.pid')}`,
          `SlurmctldLogFile=${join(root, 'log', 'slurmctld.log')}`,
          `SlurmdLogFile=${join(root, 'log', 'slurmd.log')}`,
          'ProctrackType=proctrack/linuxproc',
          'TaskPlugin=task/none',
          'SelectType=select/cons_tres',
          'SelectTypeParameters=CR_Core',
          'ReturnToService=2',
          'MpiDefault=none',
          `NodeName=${host} CPUs=${Math.max(1, cpus().length)} State=UNKNOWN`,
          `PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP`,
          '',
        ].join('\n'),
      );
      const env = { ...process.env, SLURM_CONF: conf };
      pidFiles.push(join(root, 'slurmctld.pid'));
      execFileSync('slurmctld', ['-f', conf], { env });
      pidFiles.push(join(root, 'slurmd.pid'));
      execFileSync('slurmd', ['-f', conf], { env });
      await until(
        () =>
          spawnSync('sinfo', ['-h', '-o', '%T'], { env, encoding: 'utf8' }).stdout.trim() ===
          'idle',
        60,
        'the node to be idle (sinfo)',
      );

      const study = [
        'sweep',
        'anthropic-rsp',
        '--grid',
        'evalSensitivity=0.3,0.9',
        '--runs',
        '30',
        '--seed',
        '3',
        '--set',
        'rounds=8',
      ];
      const parts = join(root, 'parts');
      const emitted = await sim([...study, '--emit', 'slurm', '--shards', '4', '--parts', parts]);
      expect(emitted.code).toBe(0);
      const script = join(root, 'submit.sh');
      writeFileSync(script, emitted.stdout);
      const submitted = execFileSync('bash', [script], {
        env: { ...env, WORKDIR: process.cwd() },
        encoding: 'utf8',
      });
      expect(submitted).toMatch(/^submitted array job \d+ \(4 shards\) and merge job \d+/);
      const [whole] = await Promise.all([
        sim([...study, '--json', '--workers', '1']),
        until(
          () =>
            existsSync(join(parts, 'result.txt')) &&
            spawnSync('squeue', ['-h'], { env, encoding: 'utf8' }).stdout.trim() === '',
          240,
          'the array job and its merge job',
        ),
      ]);
      for (let k = 1; k <= 4; k++) expect(existsSync(join(parts, `part-${k}.json`))).toBe(true);
      const merged = readFileSync(join(parts, 'result.json'), 'utf8');
      expect(withoutTiming(merged)).toEqual(withoutTiming(whole.stdout));
      expect(readFileSync(join(parts, 'result.txt'), 'utf8')).toMatch(/on 4 parts, merged\n$/);
    },
    360_000,
  );
});
