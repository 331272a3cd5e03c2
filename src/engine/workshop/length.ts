// How many quarters fit a workshop of a given length. One estimate shared by the setup form's
// suggestion and the printed facilitator notes, so the two never disagree.

/** Workshop lengths the setup and the facilitator notes plan for, in minutes. */
export const SESSION_MINUTES = [60, 90, 120] as const;
export type SessionMinutes = (typeof SESSION_MINUTES)[number];

/** How teams take their turns: one laptop passed round, or each team on its own device. */
export type TurnTaking = 'pass-the-laptop' | 'own-devices';

/**
 * The minutes a session spends outside play: the briefing before quarter 1 and the debrief after
 * the last. Invented for planning (not measured); README's "Running a workshop" states them.
 */
export const SESSION_OVERHEAD: Record<SessionMinutes, { briefing: number; debrief: number }> = {
  60: { briefing: 5, debrief: 15 },
  90: { briefing: 10, debrief: 20 },
  120: { briefing: 10, debrief: 25 },
};

/**
 * Minutes one quarter takes: reading the news and resolving (1.5 min) plus each team's turn
 * (1 min each when the laptop is passed round; about 1.5 min in all when teams decide at once).
 */
export function minutesPerQuarter(teams: number, turnTaking: TurnTaking): number {
  const turns = turnTaking === 'pass-the-laptop' ? Math.max(1, teams) : 1.5;
  return 1.5 + turns;
}

/** The suggested number of quarters for a session: what fits, at least 4, at most the scenario's. */
export function suggestedQuarters(
  scenarioRounds: number,
  minutes: SessionMinutes,
  teams: number,
  turnTaking: TurnTaking = 'pass-the-laptop',
): number {
  const { briefing, debrief } = SESSION_OVERHEAD[minutes];
  const fits = Math.floor((minutes - briefing - debrief) / minutesPerQuarter(teams, turnTaking));
  return Math.min(scenarioRounds, Math.max(4, fits));
}
