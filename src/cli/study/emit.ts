// Scripts for running a study as an array job on a scheduler a researcher already has: a Slurm
// array job (one task per shard, then a merge job that waits for it) or a Kubernetes Indexed Job
// (one completion per shard, parts on a shared volume, then a merge Job). Each task runs this CLI
// with `--shard K/N --out part-K.json`; the merge runs `sim merge` over the parts. Pure text.

import { createHash } from 'node:crypto';
import { isAbsolute, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { sweepParameter } from '../../engine/batch/sweepParameters';
import type { Setting } from '../../engine/batch/compare';
import type { StudySpec } from './spec';

export const EMIT_TARGETS = ['slurm', 'kubernetes'] as const;
export type EmitTarget = (typeof EMIT_TARGETS)[number];

export interface EmitOptions {
  /** Shards (array tasks, completions). */
  shards: number;
  /** Where the parts go: a folder on the shared filesystem, or the volume's mount point. */
  partsDir: string;
  /** Cores per task (each task runs that many worker threads). */
  cpus: number;
  /** Kubernetes: the container image with the CLI (see the Dockerfile). */
  image: string;
  /** Kubernetes: the claim of the volume the parts are written to. */
  volumeClaim: string;
}

/** A value as `--set` reads it back: a named choice by name, otherwise the number itself. */
function valueText(s: Setting): string {
  const param = sweepParameter(s.id);
  return param?.choices ? param.format(s.value) : String(s.value);
}

/** The command-line words that play the study (without --shard, --out and --workers). */
export function studyArgs(spec: StudySpec, file = spec.file): string[] {
  const args = [spec.command, file, '--runs', String(spec.runs), '--seed', String(spec.seed)];
  for (const s of spec.settings) args.push('--set', `${s.id}=${valueText(s)}`);
  for (const axis of spec.grid) {
    args.push(
      '--grid',
      `${axis.id}=${axis.values.map((value) => valueText({ id: axis.id, value })).join(',')}`,
    );
  }
  for (const arm of spec.arms)
    args.push('--compare', arm.settings.map((s) => `${s.id}=${valueText(s)}`).join(' '));
  return args;
}

/** A word quoted for sh: as is when plainly safe, otherwise in single quotes. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A short name for the study's jobs: the command and a hash of what it plays. */
export function jobName(spec: StudySpec): string {
  const hash = createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 8);
  return `threshold-${spec.command}-${hash}`;
}

/** A scenario file as an absolute path (a shipped id stays an id: every checkout has it). */
function scenarioForCluster(file: string): string {
  return existsSync(file) && !isAbsolute(file) ? resolve(file) : file;
}

/** A bash script that submits the array job and its dependent merge job (`bash script.sh`). */
export function slurmScript(spec: StudySpec, o: EmitOptions, workdir = process.cwd()): string {
  const name = jobName(spec);
  const play = studyArgs(spec, scenarioForCluster(spec.file)).map(shellWord).join(' ');
  const parts = resolve(workdir, o.partsDir);
  return `#!/usr/bin/env bash
# Threshold study as a Slurm array job: ${o.shards} tasks, one per shard, then a merge job that
# runs once every task has succeeded. Submit from a login node:  bash ${name}.sh
# Needs this checkout (with \`npm ci\` done) at WORKDIR on a filesystem the compute nodes share.
# Override WORKDIR, PARTS or SIM in the environment; add #SBATCH-style options to the sbatch lines
# (--partition, --account, --time) as your cluster requires.
set -euo pipefail
export WORKDIR=\${WORKDIR:-${shellWord(resolve(workdir))}}
export PARTS=\${PARTS:-${shellWord(parts)}}
export SIM=\${SIM:-"node --import tsx src/cli/sim.ts"}
mkdir -p "$PARTS"
array=$(sbatch --parsable --export=ALL --job-name=${name} --array=1-${o.shards} --ntasks=1 --cpus-per-task=${o.cpus} \\
  --chdir="$WORKDIR" --output="$PARTS/shard-%a.log" <<'SHARD'
#!/usr/bin/env bash
set -euo pipefail
k=$SLURM_ARRAY_TASK_ID
$SIM ${play} \\
  --shard "$k/${o.shards}" --workers "\${SLURM_CPUS_PER_TASK:-1}" --out "$PARTS/part-$k.json"
SHARD
)
array=\${array%%;*}
merge=$(sbatch --parsable --export=ALL --job-name=${name}-merge --dependency=afterok:$array --ntasks=1 \\
  --chdir="$WORKDIR" --output="$PARTS/merge.log" <<'MERGE'
#!/usr/bin/env bash
set -euo pipefail
$SIM merge "$PARTS"/part-*.json --json > "$PARTS/result.json"
$SIM merge "$PARTS"/part-*.json > "$PARTS/result.txt"
MERGE
)
merge=\${merge%%;*}
echo "submitted array job $array (${o.shards} shards) and merge job $merge; results in $PARTS/result.txt and result.json"
`;
}

type Manifest = Record<string, unknown>;

/**
 * A Kubernetes List: an Indexed Job (one completion per shard, each reading
 * JOB_COMPLETION_INDEX) writing parts to a volume, and a merge Job that waits for every part and
 * writes result.json and result.txt next to them. Apply it with `kubectl apply -f`.
 */
export function kubernetesManifest(spec: StudySpec, o: EmitOptions): Manifest {
  const name = jobName(spec);
  const play = studyArgs(spec).map(shellWord).join(' ');
  const parts = o.partsDir.startsWith('/') ? o.partsDir : `/${o.partsDir}`;
  const volume = { name: 'parts', persistentVolumeClaim: { claimName: o.volumeClaim } };
  const mount = { name: 'parts', mountPath: parts };
  const labels = { 'app.kubernetes.io/name': 'threshold-sim', 'threshold/study': name };
  const shard = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels },
    spec: {
      completionMode: 'Indexed',
      completions: o.shards,
      parallelism: o.shards,
      backoffLimit: o.shards,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'shard',
              image: o.image,
              command: [
                'sh',
                '-c',
                `k=$((JOB_COMPLETION_INDEX + 1)); exec sim ${play} --shard "$k/${o.shards}" --workers ${o.cpus} --out "${parts}/part-$k.json"`,
              ],
              resources: { requests: { cpu: String(o.cpus), memory: '512Mi' } },
              volumeMounts: [mount],
            },
          ],
          volumes: [volume],
        },
      },
    },
  };
  const merge = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${name}-merge`, labels },
    spec: {
      backoffLimit: 2,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          containers: [
            {
              name: 'merge',
              image: o.image,
              command: [
                'sh',
                '-c',
                `until [ "$(ls ${parts}/part-*.json 2>/dev/null | wc -l)" -ge ${o.shards} ]; do sleep 10; done; ` +
                  `sim merge ${parts}/part-*.json --json > ${parts}/result.json && sim merge ${parts}/part-*.json > ${parts}/result.txt`,
              ],
              resources: { requests: { cpu: '1', memory: '512Mi' } },
              volumeMounts: [mount],
            },
          ],
          volumes: [volume],
        },
      },
    },
  };
  return { apiVersion: 'v1', kind: 'List', items: [shard, merge] };
}
