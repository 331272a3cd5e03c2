// The options `sim batch` and `sim sweep` share for large studies: play one shard and write it as
// a part file (`--shard K/N --out FILE`), or print a scheduler's script for every shard
// (`--emit slurm|kubernetes --shards N`).

import { CliError } from '../commands/scenarioFile';
import { wholeNumberOption } from '../args';
import { EMIT_TARGETS, type EmitOptions, type EmitTarget } from './emit';

export const MAX_SHARDS = 100_000;

export const STUDY_OPTIONS = {
  shard: { type: 'string' },
  out: { type: 'string' },
  emit: { type: 'string' },
  shards: { type: 'string' },
  parts: { type: 'string' },
  cpus: { type: 'string' },
  image: { type: 'string' },
  'volume-claim': { type: 'string' },
} as const;

export const STUDY_USAGE = [
  '  --shard K/N      play only shard K of N (a balanced, deterministic split); needs --out',
  '  --out FILE       write the result as a part file for `sim merge` instead of printing it',
  '  --emit slurm|kubernetes  print a script that runs every shard as an array job and merges',
  '                   them (plays nothing): --shards N (default 4), --parts DIR (default parts),',
  '                   --cpus C per task (default 1), --image IMAGE and --volume-claim NAME',
  '                   (Kubernetes; defaults threshold-sim:latest and threshold-parts)',
];

export interface StudyOptions {
  shard: { k: number; n: number } | null;
  out: string | null;
  emit: { target: EmitTarget; options: EmitOptions } | null;
}

type Values = { [K in keyof typeof STUDY_OPTIONS]?: string };

export function parseStudyOptions(values: Values): StudyOptions {
  let shard: StudyOptions['shard'] = null;
  if (values.shard !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(values.shard);
    const k = m ? Number(m[1]) : NaN;
    const n = m ? Number(m[2]) : NaN;
    if (!m || n < 1 || n > MAX_SHARDS || k < 1 || k > n) {
      throw new CliError(
        `--shard must be K/N with N from 1 to ${MAX_SHARDS} and K from 1 to N, got "${values.shard}"`,
      );
    }
    shard = { k, n };
  }
  const out = values.out ?? null;
  if (shard && out === null)
    throw new CliError('--shard needs --out FILE (where to write the part)');
  if (out !== null && out.trim() === '') throw new CliError('--out needs a file name');
  let emit: StudyOptions['emit'] = null;
  const emitOnly = (['shards', 'parts', 'cpus', 'image', 'volume-claim'] as const).find(
    (k) => values[k] !== undefined,
  );
  if (values.emit !== undefined) {
    const target = values.emit as EmitTarget;
    if (!EMIT_TARGETS.includes(target)) {
      throw new CliError(`--emit must be ${EMIT_TARGETS.join(' or ')}, got "${values.emit}"`);
    }
    if (shard || out !== null)
      throw new CliError('--emit prints a script for every shard: leave out --shard and --out');
    emit = {
      target,
      options: {
        shards: wholeNumberOption('shards', values.shards, 1, MAX_SHARDS) ?? 4,
        partsDir: values.parts ?? 'parts',
        cpus: wholeNumberOption('cpus', values.cpus, 1, 256) ?? 1,
        image: values.image ?? 'threshold-sim:latest',
        volumeClaim: values['volume-claim'] ?? 'threshold-parts',
      },
    };
  } else if (emitOnly) {
    throw new CliError(`--${emitOnly} goes with --emit slurm|kubernetes`);
  }
  return { shard, out, emit };
}
