// The scripts `--emit slurm|kubernetes` print: checked field by field (the Slurm one also runs
// on a real one-node cluster in slurm.test.ts).
import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/cli/commands/sweep';
import { kubernetesManifest, shellWord, slurmScript, studyArgs } from '../../src/cli/study/emit';
import type { StudySpec } from '../../src/cli/study/spec';

const spec: StudySpec = {
  command: 'sweep',
  file: 'anthropic-rsp',
  settings: [{ id: 'rounds', value: 12 }],
  grid: [
    { id: 'evalSensitivity', values: [0.3, 0.9] },
    { id: 'strategy.aster', values: [0, 2] },
  ],
  arms: [],
  runs: 500,
  seed: 7,
};
const options = {
  shards: 6,
  partsDir: 'parts',
  cpus: 2,
  image: 'registry.example.org/threshold-sim:1',
  volumeClaim: 'study-parts',
};

interface Container {
  name: string;
  image: string;
  command: string[];
  resources: { requests: { cpu: string } };
  volumeMounts: { name: string; mountPath: string }[];
}
interface Job {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    template: {
      spec: {
        restartPolicy: string;
        containers: Container[];
        volumes: { name: string; persistentVolumeClaim: { claimName: string } }[];
      };
    };
  };
}

describe('--emit kubernetes', () => {
  const list = kubernetesManifest(spec, options) as { kind: string; items: Job[] };
  const [shard, merge] = list.items as [Job, Job];

  it('is an Indexed Job with one completion per shard, reading JOB_COMPLETION_INDEX', () => {
    expect(list.kind).toBe('List');
    expect(shard).toMatchObject({
      apiVersion: 'batch/v1',
      kind: 'Job',
      spec: { completionMode: 'Indexed', completions: 6, parallelism: 6 },
    });
    const pod = shard.spec.template.spec;
    expect(pod.restartPolicy).toBe('Never');
    const [container] = pod.containers as [Container];
    expect(container.image).toBe('registry.example.org/threshold-sim:1');
    expect(container.resources.requests.cpu).toBe('2');
    const command = container.command.join(' ');
    expect(command).toContain('k=$((JOB_COMPLETION_INDEX + 1))');
    expect(command).toContain(
      'sim sweep anthropic-rsp --runs 500 --seed 7 --set rounds=12 --grid evalSensitivity=0.3,0.9 --grid strategy.aster=safety-first,race-to-deploy',
    );
    expect(command).toContain('--shard "$k/6" --workers 2 --out "/parts/part-$k.json"');
  });

  it('writes the parts to a volume the merge Job reads', () => {
    for (const job of [shard, merge]) {
      const pod = job.spec.template.spec;
      expect(pod.volumes).toEqual([
        { name: 'parts', persistentVolumeClaim: { claimName: 'study-parts' } },
      ]);
      expect(pod.containers[0]?.volumeMounts).toEqual([{ name: 'parts', mountPath: '/parts' }]);
    }
    expect(merge.metadata.name).toBe(`${shard.metadata.name}-merge`);
    const command = merge.spec.template.spec.containers[0]!.command.join(' ');
    expect(command).toContain('-ge 6 ]');
    expect(command).toContain('sim merge /parts/part-*.json --json > /parts/result.json');
  });

  it('is printed as JSON that kubectl reads', () => {
    const lines: string[] = [];
    const code = runSweep(
      ['anthropic-rsp', '--grid', 'labs=2,3', '--runs', '10', '--emit', 'kubernetes'],
      (l) => lines.push(l),
    );
    expect(code).toBe(0);
    const printed = JSON.parse(lines.join('\n')) as { items: Job[] };
    expect(printed.items[0]?.spec.completions).toBe(4);
  });
});

describe('--emit slurm', () => {
  const script = slurmScript(spec, options, '/home/me/threshold');

  it('submits an array job of one task per shard reading SLURM_ARRAY_TASK_ID, then a merge after it', () => {
    expect(script.startsWith('#!/usr/bin/env bash\n')).toBe(true);
    expect(script).toMatch(
      /sbatch --parsable --export=ALL --job-name=threshold-sweep-\w+ --array=1-6 --ntasks=1 --cpus-per-task=2/,
    );
    expect(script).toContain('k=$SLURM_ARRAY_TASK_ID');
    expect(script).toContain(
      '--shard "$k/6" --workers "${SLURM_CPUS_PER_TASK:-1}" --out "$PARTS/part-$k.json"',
    );
    expect(script).toMatch(/--dependency=afterok:\$array/);
    expect(script).toContain('$SIM merge "$PARTS"/part-*.json --json > "$PARTS/result.json"');
    expect(script).toContain('export PARTS=${PARTS:-/home/me/threshold/parts}');
  });

  it('quotes every word the shell could misread', () => {
    expect(shellWord('plain-word_1.json')).toBe('plain-word_1.json');
    expect(shellWord("it's here; rm -rf /")).toBe(`'it'\\''s here; rm -rf /'`);
    expect(shellWord('$HOME')).toBe(`'$HOME'`);
  });

  it('plays the same study the spec describes, values by name where they have one', () => {
    expect(
      studyArgs({
        ...spec,
        command: 'batch',
        grid: [],
        arms: [
          {
            text: '',
            settings: [
              { id: 'binding.aster', value: 1 },
              { id: 'labs', value: 3 },
            ],
          },
        ],
      }),
    ).toEqual([
      'batch',
      'anthropic-rsp',
      '--runs',
      '500',
      '--seed',
      '7',
      '--set',
      'rounds=12',
      '--compare',
      'binding.aster=true labs=3',
    ]);
  });
});
