import { describe, expect, it } from 'vitest';
import {
  defaultTeamName,
  draftProblems,
  maxTeams,
  seatOrder,
  setupFromDraft,
  teamNamesByLab,
  type WorkshopDraft,
} from '../../../src/engine/workshop/seats';
import { LAB_A, LAB_B, SCENARIO, TEAMS } from './helpers';

const draft = (overrides: Partial<WorkshopDraft> = {}): WorkshopDraft => ({
  scenario: SCENARIO,
  teams: [
    { name: 'Amber', labName: '' },
    { name: 'Blue', labName: '' },
  ],
  timerSeconds: 300,
  seed: 42,
  ...overrides,
});

describe('seats', () => {
  it('gives teams the player’s lab first, then the rivals in file order', () => {
    const rivalsFirst = {
      ...SCENARIO,
      labs: [...SCENARIO.labs].reverse(),
    };
    expect(seatOrder(SCENARIO)).toEqual(SCENARIO.labs.map((l) => l.id));
    expect(seatOrder(rivalsFirst)[0]).toBe(LAB_A);
    expect(maxTeams(SCENARIO)).toBe(3);
    expect(defaultTeamName(1)).toBe('Team B');
  });

  it('sets up the game: team labs are the human seats, renamed when asked, bots keep the rest', () => {
    const { setup, teams } = setupFromDraft(
      draft({
        teams: [
          { name: ' Amber ', labName: 'Amber Labs' },
          { name: 'Blue', labName: '' },
        ],
      }),
    );
    expect(teams).toEqual([
      { lab: LAB_A, name: 'Amber' },
      { lab: LAB_B, name: 'Blue' },
    ]);
    expect(setup.humans).toEqual([LAB_A, LAB_B]);
    expect(setup.seed).toBe(42);
    expect(setup.scenario.labs.map((l) => l.name)).toEqual([
      'Amber Labs',
      SCENARIO.labs[1]?.name,
      SCENARIO.labs[2]?.name,
    ]);
    // The original is untouched; no rename, no copy.
    expect(SCENARIO.labs[0]?.name).not.toBe('Amber Labs');
    expect(setupFromDraft(draft()).setup.scenario).toBe(SCENARIO);
    expect(teamNamesByLab(TEAMS)).toEqual({ [LAB_A]: 'Team Amber', [LAB_B]: 'Team Blue' });
  });

  it('says what is wrong with a setup, field by field', () => {
    const fields = (d: Partial<WorkshopDraft>) => draftProblems(draft(d)).map((p) => p.field);
    expect(fields({})).toEqual([]);
    expect(fields({ teams: [{ name: 'Solo', labName: '' }] })).toEqual(['teams']);
    const four = ['A', 'B', 'C', 'D'].map((name) => ({ name, labName: '' }));
    expect(fields({ teams: four })).toEqual(['teams']);
    expect(
      fields({
        teams: [
          { name: 'Amber', labName: '' },
          { name: ' ', labName: '' },
        ],
      }),
    ).toEqual(['team-1']);
    expect(
      fields({
        teams: [
          { name: 'Amber', labName: '' },
          { name: 'amber', labName: '' },
        ],
      }),
    ).toEqual(['team-1']);
    expect(
      fields({
        teams: [
          { name: 'x'.repeat(41), labName: '' },
          { name: 'B', labName: 'y'.repeat(41) },
        ],
      }),
    ).toEqual(['team-0', 'lab-1']);
    expect(fields({ timerSeconds: 10 })).toEqual(['timer']);
    expect(fields({ timerSeconds: Number.NaN })).toEqual(['timer']);
    expect(fields({ timerSeconds: null })).toEqual([]);
    const oneLab = { ...SCENARIO, labs: SCENARIO.labs.slice(0, 1) };
    expect(fields({ scenario: oneLab })).toEqual(['scenario']);
  });
});
