// Who sits where: teams take the scenario's labs in order — the player's lab first, then the
// rivals as the file lists them — and bots keep every seat left over. When more teams come than
// the scenario has labs, extra labs are added (addedLabs below) so that any scenario seats up to
// six teams.

import type { GameSetup } from '../machines/gameMachine';
import type { LabSpec, Scenario } from '../types';
import { teamNameKey } from './teamNames';
import { WORKSHOP_LIMITS, type WorkshopTeam } from './types';

/** The labs in the order teams take them: role "player" first, then the others in file order. */
export function seatOrder(scenario: Scenario): string[] {
  const players = scenario.labs.filter((l) => l.role === 'player').map((l) => l.id);
  const rest = scenario.labs.filter((l) => l.role !== 'player').map((l) => l.id);
  return [...players, ...rest];
}

/** How many teams any scenario seats: six (labs are added when it has fewer). */
export function maxTeams(scenario: Scenario): number {
  return scenario.labs.length === 0 ? 0 : WORKSHOP_LIMITS.teams.max;
}

/**
 * Names for labs added to seat more teams, in the order they are used: fictional, and skipped
 * when the scenario already has a lab of that name or id. Documented in README ("Running a
 * workshop").
 */
export const ADDED_LAB_NAMES = [
  'Northwind AI',
  'Bluewater Research',
  'Kestrel Systems',
  'Orrery Labs',
  'Saltmarsh AI',
  'Tidewater Intelligence',
] as const;

/** A lab added for a team: its spec, and the rival it copies. */
export interface AddedLab {
  lab: LabSpec;
  /** The scenario lab it is a copy of (same start, policy, bot strategy and tuning). */
  copyOf: string;
}

const idOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * The labs to add so that `teams` teams each have one: copies of the scenario's rivals, taken in
 * file order and round again if need be (the player's lab when there is no rival), each as a
 * rival under a fresh name and id. Copies start where their original starts and follow the same
 * policy and bot strategy, so the scenario's balance between cautious and racing labs holds.
 * None when the scenario has enough labs. Pure: the same scenario and count give the same labs.
 */
export function addedLabs(scenario: Scenario, teams: number): AddedLab[] {
  const missing = Math.min(teams, WORKSHOP_LIMITS.teams.max) - scenario.labs.length;
  if (missing <= 0 || scenario.labs.length === 0) return [];
  const rivals = scenario.labs.filter((l) => l.role !== 'player');
  const models = rivals.length > 0 ? rivals : scenario.labs;
  const usedIds = new Set(scenario.labs.map((l) => l.id));
  const usedNames = new Set(scenario.labs.map((l) => teamNameKey(l.name)));
  const names = ADDED_LAB_NAMES.filter(
    (n) => !usedNames.has(teamNameKey(n)) && !usedIds.has(idOf(n)),
  );
  const added: AddedLab[] = [];
  for (let i = 0; i < missing; i++) {
    const model = models[i % models.length] as LabSpec;
    const name = names[i] ?? `Added Lab ${i + 1}`;
    let id = idOf(name);
    for (let n = 2; usedIds.has(id); n++) id = `${idOf(name)}-${n}`;
    usedIds.add(id);
    added.push({ lab: { ...model, id, name, role: 'rival' }, copyOf: model.id });
  }
  return added;
}

/** The scenario with the labs `teams` teams need added at the end (the same object if none). */
export function seatedScenario(scenario: Scenario, teams: number): Scenario {
  const added = addedLabs(scenario, teams);
  if (added.length === 0) return scenario;
  return { ...scenario, labs: [...scenario.labs, ...added.map((a) => a.lab)] };
}

/** What seating did, in plain words for the setup form; null when every team has a lab of its own. */
export function seatingNote(scenario: Scenario, teams: number): string | null {
  const added = addedLabs(scenario, teams);
  if (added.length === 0) return null;
  const nameOf = (id: string) => scenario.labs.find((l) => l.id === id)?.name ?? id;
  const list = added.map((a) => `${a.lab.name} (a copy of ${nameOf(a.copyOf)})`).join(', ');
  const n = scenario.labs.length;
  return `This scenario has ${n} lab${n === 1 ? '' : 's'}, so ${added.length} ${added.length === 1 ? 'lab was' : 'labs were'} added for the extra teams: ${list}. Each starts where its original starts, with the same policy and the same bot strategy; rename it below if you like.`;
}

/** A team name for the n-th seat (0-based): "Team A", "Team B" … */
export function defaultTeamName(index: number): string {
  return `Team ${String.fromCharCode(65 + (index % 26))}`;
}

export interface TeamDraft {
  name: string;
  /** The lab's name for this game ('' keeps the scenario's). */
  labName: string;
}

export interface WorkshopDraft {
  scenario: Scenario;
  teams: TeamDraft[];
  timerSeconds: number | null;
  seed: number;
}

/** Problems with a draft, in plain words, each naming the field it is about. */
export function draftProblems(draft: WorkshopDraft): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const { min } = WORKSHOP_LIMITS.teams;
  const max = maxTeams(draft.scenario);
  if (max < min) {
    problems.push({
      field: 'scenario',
      message: 'This scenario has no labs: a workshop needs at least one to seat teams.',
    });
  } else if (draft.teams.length < min || draft.teams.length > max) {
    problems.push({
      field: 'teams',
      message: `Name ${min} to ${max} teams.`,
    });
  }
  const seen = new Map<string, number>();
  draft.teams.forEach((team, i) => {
    const name = team.name.trim();
    const key = teamNameKey(name);
    if (key === '') problems.push({ field: `team-${i}`, message: `Team ${i + 1} needs a name.` });
    else if (name.length > WORKSHOP_LIMITS.teamName)
      problems.push({
        field: `team-${i}`,
        message: `Team ${i + 1}’s name is longer than ${WORKSHOP_LIMITS.teamName} characters.`,
      });
    else if (seen.has(key))
      problems.push({
        field: `team-${i}`,
        message: `Two teams are called “${name}” (names that look the same count as the same): give each team its own name.`,
      });
    seen.set(key, i);
    if (team.labName.trim().length > WORKSHOP_LIMITS.teamName)
      problems.push({
        field: `lab-${i}`,
        message: `Team ${i + 1}’s lab name is longer than ${WORKSHOP_LIMITS.teamName} characters.`,
      });
  });
  const t = draft.timerSeconds;
  const { min: tMin, max: tMax } = WORKSHOP_LIMITS.timerSeconds;
  if (t !== null && (!Number.isFinite(t) || t < tMin || t > tMax)) {
    problems.push({
      field: 'timer',
      message: `A decision timer runs from ${tMin / 60 < 1 ? `${tMin} seconds` : `${tMin / 60} minutes`} to ${tMax / 60} minutes.`,
    });
  }
  return problems;
}

/**
 * The game a draft sets up: team labs become human seats (renamed for the team if asked) and
 * the teams' records. The scenario is a copy; the original is never changed.
 */
export function setupFromDraft(draft: WorkshopDraft): { setup: GameSetup; teams: WorkshopTeam[] } {
  const seated = seatedScenario(draft.scenario, draft.teams.length);
  const order = seatOrder(seated);
  const teams: WorkshopTeam[] = draft.teams.map((t, i) => ({
    lab: order[i] as string,
    name: t.name.trim(),
  }));
  const renames = new Map<string, string>();
  draft.teams.forEach((t, i) => {
    const name = t.labName.trim();
    if (name !== '') renames.set(order[i] as string, name);
  });
  const scenario: Scenario =
    renames.size === 0
      ? seated
      : {
          ...seated,
          labs: seated.labs.map((l) =>
            renames.has(l.id) ? { ...l, name: renames.get(l.id) as string } : l,
          ),
        };
  return {
    setup: { scenario, seed: draft.seed, humans: teams.map((t) => t.lab) },
    teams,
  };
}

/** Team names by lab id, for reports ("aster" → "Team Amber"). */
export function teamNamesByLab(teams: readonly WorkshopTeam[]): Record<string, string> {
  return Object.fromEntries(teams.map((t) => [t.lab, t.name]));
}
