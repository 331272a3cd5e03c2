import { describe, expect, it } from 'vitest';
import { SESSION_MINUTES, suggestedQuarters } from '../../../src/engine/workshop/length';
import {
  facilitatorNotes,
  ladderRows,
  roleBriefs,
  RULES_SUMMARY,
} from '../../../src/presentation/workshop/printables';
import { defaultTeamName, setupFromDraft } from '../../../src/engine/workshop/seats';
import { SCENARIO } from '../../engine/workshop/helpers';

const sixTeams = setupFromDraft({
  scenario: SCENARIO,
  teams: Array.from({ length: 6 }, (_, i) => ({ name: defaultTeamName(i), labName: '' })),
  timerSeconds: 300,
  seed: 3,
});

describe('the printables', () => {
  it('gives every team a brief for its own lab, saying which labs were added', () => {
    const briefs = roleBriefs(sixTeams.setup, sixTeams.teams, SCENARIO);
    expect(briefs.map((b) => b.team)).toEqual(sixTeams.teams.map((t) => t.name));
    expect(briefs.filter((b) => b.ownLab)).toHaveLength(1);
    expect(briefs.filter((b) => b.seat.startsWith('A lab added'))).toHaveLength(3);
    const first = briefs[0];
    expect(first?.ladder.map((r) => r.level)).toEqual(SCENARIO.levels.map((l) => l.name));
    expect(first?.start.map((s) => s.label)).toContain('Budget');
    // A brief never shows the model's true capability: the team does not know it.
    expect(JSON.stringify(briefs)).not.toMatch(/capabilit(y|ies) (is|at) \d/);
  });

  it('says when each level is reached and what it requires, in words', () => {
    const [row] = ladderRows(SCENARIO, SCENARIO.levels);
    const level = SCENARIO.levels[0];
    expect(row?.level).toBe(level?.name);
    for (const t of Object.values(level?.thresholds ?? {}))
      expect(row?.reachedAt).toContain(`${Math.round((t ?? 0) * 100)}%`);
  });

  it('plans 60, 90 and 120 minutes with the setup’s own estimate, and lists every inject', () => {
    const notes = facilitatorNotes(SCENARIO, 6);
    expect(notes.timing.map((t) => t.minutes)).toEqual([...SESSION_MINUTES]);
    for (const t of notes.timing) {
      expect(t.quarters).toBe(suggestedQuarters(SCENARIO.rounds, t.minutes, 6));
      expect(t.briefing + t.play + t.debrief).toBe(t.minutes);
    }
    expect(notes.injects.map((i) => i.headline)).toEqual(SCENARIO.events.map((e) => e.headline));
    expect(notes.injects.every((i) => i.note !== null)).toBe(true);
    expect(notes.learningGoals).toEqual(SCENARIO.facilitation?.learningGoals);
    const bare = facilitatorNotes({ ...SCENARIO, facilitation: undefined }, 2);
    expect(bare.learningGoals).toEqual([]);
    expect(bare.injects.every((i) => i.note === null)).toBe(true);
    expect(RULES_SUMMARY.length).toBeGreaterThan(4);
  });
});
