import { describe, expect, it } from 'vitest';
import { addCommitment } from '../../../src/engine/workshop/commitments';
import { workshopReportMarkdown } from '../../../src/presentation/report/workshop';
import type { FiredInject } from '../../../src/engine/game';
import type { DomainId } from '../../../src/engine/types';
import { BOT, LAB_A, LAB_B, SCENARIO, dec, playMeta, played } from '../../engine/workshop/helpers';

const inject: FiredInject = {
  round: 2,
  event: {
    round: 2,
    headline: 'Halcyon | weights *leak*',
    body: 'On a forum.',
    effect: { kind: 'weightsStolen', lab: BOT },
  },
};

describe('the after-action report', () => {
  const { state } = played(SCENARIO.rounds, 5, [inject], (q) => ({
    [LAB_A]: dec(q === 3 ? 'deploy' : 'pause'),
    [LAB_B]: dec('restrict'),
  }));
  const commitments = addCommitment([], {
    round: 1,
    until: null,
    parties: [LAB_A, LAB_B],
    text: 'We pause | together',
    terms: { kind: 'pausePact' },
  });
  const meta = playMeta({
    teams: [
      { lab: LAB_A, name: 'Team <Amber>' },
      { lab: LAB_B, name: 'Team Blue' },
    ],
    commitments: [{ ...(commitments[0] as (typeof commitments)[0]), mark: 'kept' }],
    injects: [inject],
  });
  const report = workshopReportMarkdown(SCENARIO, state, meta);

  it('is titled as a workshop report and names every team, escaped', () => {
    expect(report.split('\n')[0]).toBe(
      `# Threshold workshop after-action report: ${SCENARIO.title}`,
    );
    expect(report).toContain('Team \\<Amber\\>');
    expect(report).toContain('Team Blue');
    expect(report).toContain('## Teams');
    expect(report).toMatch(/Bots played Halcyon Systems\./);
  });

  it('records the commitments with their verdicts, and the injects fired', () => {
    expect(report).toContain('## Commitments and agreements announced at the table');
    expect(report).toContain('We pause \\| together');
    expect(report).toContain('**Kept** (facilitator)');
    expect(report).toContain('## Injects fired by the facilitator');
    expect(report).toContain(
      '| 2 | Halcyon \\| weights \\*leak\\* | Weights stolen from Halcyon Systems |',
    );
  });

  it('keeps the reproduce footer last', () => {
    const footer = report.lastIndexOf('\n---\n');
    expect(footer).toBeGreaterThan(report.indexOf('## Injects fired'));
    expect(report.slice(footer)).toContain('Reproduce:');
  });
});

describe('the missed crossings, ladder by ladder', () => {
  const meta = playMeta({
    teams: [
      { lab: LAB_A, name: 'Team Amber' },
      { lab: LAB_B, name: 'Team Blue' },
    ],
  });
  const level = SCENARIO.levels[0];
  const domain = Object.keys(level?.thresholds ?? {})[0] as DomainId;

  it('shows one list, saying so, when no team revised a threshold', () => {
    const { state } = played(SCENARIO.rounds, 5);
    const report = workshopReportMarkdown(SCENARIO, state, meta);
    expect(report).toContain('## The teams’ missed crossings, ladder by ladder');
    expect(report).toContain('No team revised a threshold');
    expect(report).not.toContain('### Against the revised ladder');
  });

  it('labels both lists when a team revised one', () => {
    const { state } = played(3, 5, [], (q) => ({
      [LAB_A]: dec(
        'pause',
        q === 1
          ? [
              {
                kind: 'reviseThreshold',
                levelId: level?.id ?? '',
                domain,
                to: 0.95,
                publicly: true,
              },
            ]
          : [],
      ),
      [LAB_B]: dec('restrict'),
    }));
    expect(state.labs.find((l) => l.id === LAB_A)?.policy.revisions).toHaveLength(1);
    const report = workshopReportMarkdown(SCENARIO, state, meta);
    expect(report).toContain('### Against the ladder each team started with');
    expect(report).toContain('### Against the revised ladder');
    expect(report).toContain('after the revisions by Team Amber.');
  });
});
