// `sim scorecard` prints the numbers of the Explorer's export: the CLI pairs games as it plays
// them, the Explorer from its workers' summaries, and both exports come out byte for byte equal.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScorecard } from '../../src/cli/commands/scorecard';
import { runGames } from '../../src/engine/batch/runBatch';
import { scorecardScenarios, tallyScorecard } from '../../src/engine/batch/scorecard';
import { scorecardChoices, type ScorecardSpec } from '../../src/explorer/scorecardLink';
import { policyFileText } from '../../src/explorer/scorecardPolicy';
import { scorecardCsv, scorecardResult } from '../../src/explorer/scorecardResults';
import { shippedScenarios } from '../support/shippedScenarios';

const v2v3 = shippedScenarios.find((s) => s.id === 'rsp-v2-vs-v3')!;
const v3 = v2v3.policies.find((p) => p.id === 'rsp-v3-0')!;
const mine = { ...v3, id: 'mine', name: 'Mine', significantShortfall: 0.3 };

function run(argv: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runScorecard(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('sim scorecard', () => {
  it('prints the CSV the Explorer exports for the same scorecard', () => {
    const file = join(tmpdir(), `scorecard-policy-${process.pid}.json`);
    writeFileSync(file, policyFileText(mine));
    const { code, lines } = run([
      'rsp-v2-vs-v3',
      '--lab',
      'aster',
      '--policies',
      `own,rsp-v3-0,${file}`,
      '--grid',
      'evalSensitivity=0.3,0.6',
      '--grid',
      'competitivePressure=1',
      '--runs',
      '6',
      '--seed',
      '4',
      '--csv',
    ]);
    expect(code).toBe(0);
    const spec: ScorecardSpec = {
      v: 1,
      scenario: 'rsp-v2-vs-v3',
      lab: 'aster',
      policies: [
        { scenario: 'rsp-v2-vs-v3', id: 'rsp-v2-2' },
        { scenario: 'rsp-v2-vs-v3', id: 'rsp-v3-0' },
        { policy: mine },
      ],
      grid: { evalSensitivity: [0.3, 0.6], competitivePressure: [1] },
      runs: 6,
      seed: 4,
    };
    const choices = scorecardChoices(spec, shippedScenarios);
    const summaries = scorecardScenarios(
      v2v3,
      'aster',
      choices.map((c) => c.policy),
      spec.grid,
    ).map((cells) => cells.map((s) => runGames(s, { runs: 6, seed: 4 })));
    const explorer = scorecardCsv(
      scorecardResult(spec, v2v3, choices, tallyScorecard(summaries, v2v3)),
    );
    expect(`${lines.join('\r\n')}\r\n`).toBe(explorer);
    expect(lines[0]).toBe('policy,cell,outcome,label,firstPolicy,value,diff,lo95,hi95,n');
    expect(lines.some((l) => l.startsWith('Mine (yours),all,catastrophe,'))).toBe(true);
  });

  it('refuses bad arguments with one line naming what is wrong', () => {
    const bad = (argv: string[]) => {
      try {
        run(argv);
        return 'ran';
      } catch (error) {
        return (error as Error).message;
      }
    };
    const base = ['rsp-v2-vs-v3', '--runs', '4'];
    expect(bad([...base, '--policies', 'own,rsp-v3-0'])).toMatch(/--lab <id> is required/);
    expect(bad([...base, '--lab', 'nobody', '--policies', 'own,rsp-v3-0'])).toMatch(
      /has no lab "nobody"; its labs: aster/,
    );
    expect(bad([...base, '--lab', 'aster', '--policies', 'own,nope'])).toMatch(
      /policy 2: rsp-v2-vs-v3 has no policy "nope"/,
    );
    expect(bad([...base, '--lab', 'aster', '--policies', 'own,rsp-v3-0', '--grid', 'x=1'])).toMatch(
      /--grid takes evalSensitivity=v1,v2 or competitivePressure=v1,v2/,
    );
    const broken = join(tmpdir(), `scorecard-bad-${process.pid}.json`);
    writeFileSync(broken, policyFileText({ ...mine, whenShort: 'shrug' as 'pause' }));
    expect(bad([...base, '--lab', 'aster', '--policies', `own,${broken}`])).toMatch(
      /cannot be used: policy\.whenShort/,
    );
  });
});
