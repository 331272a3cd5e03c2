import { describe, expect, it } from 'vitest';
import { aggregate, type GameSummary } from '../../src/engine/batch/runBatch';
import { planSweep, type SweepSpec } from '../../src/engine/batch/sweep';
import { ENGINE_VERSION } from '../../src/engine/record';
import { makeExploreLink, type ExploreSpec } from '../../src/explorer/exploreLink';
import { cellLabel, citation, resultsCsv, resultsJson } from '../../src/explorer/results';
import { testScenario } from '../engine/fixtures';

const game = (over: Partial<GameSummary>): GameSummary => ({
  seed: 1,
  catastrophe: false,
  anyIncident: false,
  anyPause: false,
  labQuarters: 8,
  brokenQuarters: 0,
  pausedBy: { ownPolicy: 0, agreement: 0, regulator: 0, choice: 0 },
  labs: {},
  crossings: 2,
  missedCrossings: 1,
  crossedQuarters: 3,
  unseenQuarters: 1,
  firstDeploymentRoundByLevel: { L3: 3, L4: null },
  endReason: 'roundsComplete',
  rounds: 4,
  ...over,
});

const explore: ExploreSpec = {
  v: 1,
  scenario: 'test-ladder',
  params: [{ id: 'information', from: 0, to: 2, steps: 2 }],
  runs: 2,
  seed: 5,
};
const sweep: SweepSpec = {
  scenarioId: 'test-ladder',
  params: [{ id: 'information', values: [0, 2] }],
  runs: 2,
  seed: 5,
};
const cells = planSweep(sweep);
const results = [
  { cell: cells[0]!, stats: aggregate([game({ catastrophe: true }), game({})], ['L3', 'L4']) },
  { cell: cells[1]!, stats: null },
];

describe('sweep exports', () => {
  it('names a setting in plain words', () => {
    expect(cellLabel(cells[1]!)).toBe('Information about rivals = published');
  });

  it('CSV: a header of parameters, outcomes with intervals and deployment timing; one row per setting', () => {
    const lines = resultsCsv(sweep, ['L3', 'L4'], results).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'information,games,catastrophe,catastrophe_lo95,catastrophe_hi95,anyIncident,anyIncident_lo95,anyIncident_hi95,' +
        'anyPause,anyPause_lo95,anyPause_hi95,brokenCommitment,brokenCommitment_lo95,brokenCommitment_hi95,' +
        'regulatorHalt,regulatorHalt_lo95,regulatorHalt_hi95,crossingsMissed,crossingsMissed_lo95,crossingsMissed_hi95,' +
        'crossingsUnseen,crossingsUnseen_lo95,crossingsUnseen_hi95,' +
        'pausedOwnPolicy,pausedOwnPolicy_lo95,pausedOwnPolicy_hi95,pausedAgreement,pausedAgreement_lo95,pausedAgreement_hi95,' +
        'pausedRegulator,pausedRegulator_lo95,pausedRegulator_hi95,' +
        'crossings,meanMissedCrossings,deployed_L3,medianQuarterDeployed_L3,deployed_L4,medianQuarterDeployed_L4',
    );
    const row = lines[1]!.split(',');
    expect(row.slice(0, 3)).toEqual(['0', '2', '0.5']);
    expect(row.slice(-6)).toEqual(['4', '1', '1', '3', '0', '']);
    expect(lines[2]).toBe('2,0');
  });

  it("CSV: with lab ids, each lab's rates and mean final share at the end of the row", () => {
    const labGame = (leads: boolean, share: number): GameSummary =>
      game({
        labs: {
          a: {
            quarters: 4,
            ownPolicyPause: 1,
            brokenQuarters: 0,
            causedCatastrophe: false,
            leads,
            finalShare: share,
            crossings: 0,
            missedCrossings: 0,
            crossedQuarters: 0,
            unseenQuarters: 0,
          },
        },
      });
    const withLabs = [
      {
        cell: cells[0]!,
        stats: aggregate([labGame(true, 0.6), labGame(false, 0.2)], ['L3', 'L4']),
      },
    ];
    const lines = resultsCsv(sweep, ['L3', 'L4'], withLabs, ['a']).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(
      /,a_ownPolicyPause,a_brokenCommitment,a_catastrophesCaused,a_leads,a_meanFinalShare$/,
    );
    expect(lines[1]!.split(',').slice(-5)).toEqual(['0.25', '0', '0', '0.5', '0.4']);
  });

  it('JSON carries the engine version, the spec, the link and every cell', () => {
    const scenario = testScenario();
    const link = 'https://example.org/' + makeExploreLink(explore);
    const json = resultsJson(explore, sweep, scenario, link, results);
    expect(json).toMatchObject({
      engine: ENGINE_VERSION,
      scenario: { id: 'test-ladder', title: 'Test ladder' },
      explore,
      link,
      sweep,
    });
    expect((json.cells as unknown[])[1]).toEqual({ settings: { information: 2 }, stats: null });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('citation names engine version, scenario, sweep, runs, seed and the link', () => {
    expect(citation({ id: 'test-ladder', title: 'Test ladder' }, explore, 'LINK')).toBe(
      `Threshold engine v${ENGINE_VERSION}, scenario "test-ladder" (Test ladder), sweep of information 0–2 in 2 steps, 2 runs per setting, seed 5 (game i uses seed 5 + i). Reproduce: LINK`,
    );
  });
});
