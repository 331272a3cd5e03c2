import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepEvents } from '../../../src/engine/scenario/keepEvents';
import { parseScenario, validateScenarioValue } from '../../../src/engine/scenario/validate';
import type { Scenario } from '../../../src/engine/types';
import {
  addedLabs,
  defaultTeamName,
  seatedScenario,
  seatingNote,
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
    expect(maxTeams(SCENARIO)).toBe(6);
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
    const seven = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => ({ name, labName: '' }));
    expect(fields({ teams: seven })).toEqual(['teams']);
    expect(fields({ teams: seven.slice(0, 6) })).toEqual([]);
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
    const noLab = { ...SCENARIO, labs: [] };
    expect(fields({ scenario: noLab })).toEqual(['scenario']);
  });
});

const SHIPPED: Scenario[] = readdirSync(new URL('../../../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => {
    const r = parseScenario(
      readFileSync(new URL(`../../../scenarios/${f}`, import.meta.url), 'utf8'),
    );
    if (!r.ok) throw new Error(`${f} is not valid`);
    return r.scenario;
  });

describe('seating more teams than labs', () => {
  const teamsOf = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ name: defaultTeamName(i), labName: '' }));

  it('adds copies of the rivals, with unique ids, and the scenario still validates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SHIPPED),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 6 }),
        (shipped, labCount, teams) => {
          // Scenarios of 1..6 labs: the shipped ones cut short (the player's lab stays first).
          const labs = shipped.labs.slice(0, labCount);
          const kept = new Set([...labs.map((l) => l.id), 'all', 'player', 'rivals']);
          const scenario = keepEvents(
            { ...shipped, labs },
            (e) => !('lab' in e.effect) || kept.has(e.effect.lab),
          );
          const seated = seatedScenario(scenario, teams);
          const ids = seated.labs.map((l) => l.id);
          expect(new Set(ids).size).toBe(ids.length);
          const names = seated.labs.map((l) => l.name.toLowerCase());
          expect(new Set(names).size).toBe(names.length);
          expect(seated.labs.length).toBe(Math.max(teams, scenario.labs.length));
          // The scenario's own labs come first, unchanged.
          expect(seated.labs.slice(0, scenario.labs.length)).toEqual(scenario.labs);
          for (const a of addedLabs(scenario, teams)) {
            const model = scenario.labs.find((l) => l.id === a.copyOf);
            expect(a.lab.role).toBe('rival');
            expect(a.lab.start).toEqual(model?.start);
            expect(a.lab.strategy).toBe(model?.strategy);
          }
          const check = validateScenarioValue(JSON.parse(JSON.stringify(seated)));
          expect(check.ok ? [] : check.errors).toEqual([]);
          // Deterministic.
          expect(seatedScenario(scenario, teams)).toEqual(seated);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('seats every team, and bots fill the labs no team holds', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHIPPED), fc.integer({ min: 2, max: 6 }), (scenario, n) => {
        const { setup, teams } = setupFromDraft(draft({ scenario, teams: teamsOf(n) }));
        expect(teams).toHaveLength(n);
        expect(new Set(teams.map((t) => t.lab)).size).toBe(n);
        expect(setup.humans).toEqual(teams.map((t) => t.lab));
        const labIds = setup.scenario.labs.map((l) => l.id);
        for (const t of teams) expect(labIds).toContain(t.lab);
        const bots = labIds.filter((id) => !setup.humans.includes(id));
        expect(bots.length).toBe(labIds.length - n);
      }),
    );
  });

  it('lets the facilitator rename an added lab, and says in plain words what it did', () => {
    const six = teamsOf(6).map((t, i) => (i === 5 ? { ...t, labName: 'Team F Labs' } : t));
    const { setup, teams } = setupFromDraft(draft({ teams: six }));
    expect(setup.scenario.labs).toHaveLength(6);
    const fifth = setup.scenario.labs.find((l) => l.id === teams[5]?.lab);
    expect(fifth?.name).toBe('Team F Labs');
    const note = seatingNote(SCENARIO, 6) ?? '';
    expect(note).toContain('This scenario has 3 labs, so 3 labs were added');
    expect(note).toMatch(/Northwind AI \(a copy of [^)]+\)/);
    expect(seatingNote(SCENARIO, 3)).toBeNull();
    // The Eval Blind Spot already has a lab called Halcyon: added names never clash.
    expect(addedLabs(SCENARIO, 6).map((a) => a.lab.name)).not.toContain(SCENARIO.labs[2]?.name);
  });
});
