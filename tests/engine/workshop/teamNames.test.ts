// Look-alike team names (issue 17, item 13): names that differ only by invisible characters,
// Unicode normalisation, width or case are the same name — in the setup form and in a session file.
import { describe, expect, it } from 'vitest';
import { draftProblems, type WorkshopDraft } from '../../../src/engine/workshop/seats';
import { teamNameKey } from '../../../src/engine/workshop/teamNames';
import { makeWorkshopSave, parseWorkshopSession } from '../../../src/lib/workshopSession';
import { LAB_A, LAB_B, SCENARIO, playMeta } from './helpers';

/** Spellings a reader cannot tell from "Team Amber". */
const LOOK_ALIKES = [
  'Team\u200b Amber', // zero-width space
  'Team Am\u200dber', // zero-width joiner
  '\u200eTeam Amber\u2060', // left-to-right mark, word joiner
  'Team Am\u00adber', // soft hyphen
  'Team\u00a0Amber', // no-break space
  'Team  Amber', // two spaces
  'Ｔｅａｍ Ａｍｂｅｒ', // full-width letters
  'team amber',
  '\ufeffTeam Amber', // byte-order mark
  'Team Amber\u3164', // Hangul filler
];

function draft(second: string): WorkshopDraft {
  return {
    scenario: SCENARIO,
    teams: [
      { name: 'Team Amber', labName: '' },
      { name: second, labName: '' },
    ],
    timerSeconds: 300,
    seed: 1,
  };
}

describe('look-alike team names', () => {
  it('count as the same team in the setup form', () => {
    for (const name of LOOK_ALIKES) {
      expect(teamNameKey(name), JSON.stringify(name)).toBe(teamNameKey('Team Amber'));
      const problems = draftProblems(draft(name)).filter((p) => p.field === 'team-1');
      expect(problems.map((p) => p.message).join(), JSON.stringify(name)).toMatch(
        /Two teams are called/,
      );
    }
    // Composed and decomposed accents are one name.
    expect(teamNameKey('Caf\u00e9')).toBe(teamNameKey('Cafe\u0301'));
    expect(draftProblems(draft('Team Blue'))).toEqual([]);
  });

  it('a name of invisible characters only is no name', () => {
    const problems = draftProblems(draft('\u200b\u200d\u2060')).filter((p) => p.field === 'team-1');
    expect(problems.map((p) => p.message)).toEqual(['Team 2 needs a name.']);
  });

  it('count as the same team in a session file', () => {
    const setup = { scenario: SCENARIO, seed: 5, humans: [LAB_A, LAB_B] };
    for (const name of LOOK_ALIKES) {
      const meta = playMeta({
        stage: 'setup',
        teams: [
          { lab: LAB_A, name: 'Team Amber' },
          { lab: LAB_B, name },
        ],
      });
      const save = JSON.parse(
        JSON.stringify(makeWorkshopSave({ setup, log: [], pending: {}, meta })),
      );
      const result = parseWorkshopSession(save);
      expect(result.ok, JSON.stringify(name)).toBe(false);
      if (!result.ok)
        expect(result.message).toMatch(/^extra\.teams\[1\]\.name: two teams are called/);
    }
  });
});
