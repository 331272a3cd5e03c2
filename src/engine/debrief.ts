// What the debrief teaches, derived from the game's history alone: how it ended, where the evals
// missed a crossing, which commitments held, what the rivals did, the moments that mattered and
// a few discussion questions chosen from what actually happened. Pure and deterministic: the same
// game always gets the same debrief.

import { labPolicy } from './policies';
import { BOT_DESCRIPTIONS } from './bots';
import { HIGH_BOARD_PRESSURE } from './bots/building-blocks';
import { domainName, levelName } from './explain';
import { percent } from './numbers';
import { readableNews } from './news';
import { levelReached, missedCrossings } from './evaluation';
import { describeIncident } from './incidents';
import { undoRevisions } from './knowledge';
import { POSTURE_RULES } from './postures';
import type {
  BotStrategyId,
  GameState,
  IncidentKind,
  LabRoundRecord,
  LabState,
  LevelSpec,
  MissedCrossing,
  PolicyRevision,
  Posture,
  Scenario,
} from './types';
import { POSTURES } from './types';
import { REGULATION_NAMES } from './world';

export interface Debrief {
  outcome: { title: string; text: string };
  /** Missed crossings of the focus labs: one per episode (its first quarter), in order. */
  missedCrossings: MissedCrossing[];
  /** Quarters in which a focus lab had a missed crossing (an episode may span several). */
  missedQuarters: number;
  firstMissed: MissedCrossing | null;
  /** Every lab, focus labs first. */
  commitments: {
    lab: string;
    name: string;
    kept: number;
    broken: number;
    revisedPublicly: number;
    revisedQuietly: number;
  }[];
  /** Every lab not in focus, in scenario order. */
  rivals: { lab: string; name: string; strategy: BotStrategyId; summary: string }[];
  keyMoments: { round: number; text: string }[];
  questions: string[];
}

// ---------------------------------------------------------------- reading the history

function labName(state: GameState, id: string): string {
  return state.labs.find((l) => l.id === id)?.name ?? id;
}

/** A lab's record in one quarter, with the quarter's number. */
type Row = LabRoundRecord & { round: number };

function rowsOf(state: GameState, lab: string): Row[] {
  const rows: Row[] = [];
  for (const round of state.history) {
    const row = round.labs.find((l) => l.lab === lab);
    if (row) rows.push({ ...row, round: round.round });
  }
  return rows;
}

/**
 * What a quarter's figures mean, said once for every table of quarters (the chart's table, the
 * debriefs, the reports): states are as at the start of the quarter, when the lab decided; the
 * move, risk, incidents and missed crossings are what happened during it.
 */
export const QUARTER_FIGURES =
  'Capability, levels and safeguards are as at the start of each quarter, when the lab decided; the move, the risk, incidents and missed crossings are what happened during it.';

/** A lab's true capability, true level and safeguards at the start of `round` (when it decided). */
export function startOfQuarter(
  scenario: Scenario,
  state: GameState,
  lab: string,
  round: number,
): Pick<LabRoundRecord, 'capability' | 'trueLevel' | 'safeguards'> {
  const previous = state.history
    .find((r) => r.round === round - 1)
    ?.labs.find((l) => l.lab === lab);
  if (previous) {
    return {
      capability: previous.capability,
      trueLevel: previous.trueLevel,
      safeguards: previous.safeguards,
    };
  }
  const spec = scenario.labs.find((l) => l.id === lab);
  const capability = spec?.start.capability ?? {};
  const ladder = labPolicy(scenario, lab).levels;
  const index = levelReached(ladder, capability);
  return {
    capability,
    trueLevel: index >= 0 ? (ladder[index]?.id ?? null) : null,
    safeguards: {
      security: spec?.start.safeguards.security ?? 0,
      deployment: spec?.start.safeguards.deployment ?? 0,
      alignment: spec?.start.safeguards.alignment ?? 0,
    },
  };
}

/**
 * A missed crossing in words. It happened during its quarter: by the quarter's end the model was
 * truly past the threshold while the evals the lab decided on showed less. `evals` names whose
 * evals they were ("your evals", "its evals", "the evals").
 */
export function missedCrossingWords(scenario: Scenario, m: MissedCrossing, evals: string): string {
  return `${levelName(scenario, m.levelId)} ${domainName(scenario, m.domain)} threshold ${percent(m.threshold)}: true capability ${percent(m.trueCapability)} by the end of the quarter, while ${evals} showed ${percent(m.measured)}`;
}

/** Quarters in which any of `labs` had a missed crossing (one crossing can last several). */
export function quartersWithMissedCrossing(state: GameState, labs: readonly string[]): number {
  return state.history.filter((r) =>
    r.labs.some((l) => labs.includes(l.lab) && l.missedCrossings.length > 0),
  ).length;
}

/**
 * The missed-crossings count, with the quarters they lasted, so it cannot be mistaken for the
 * chart's count of quarters: "1 (over 2 quarters)".
 */
export function missedCrossingCount(crossings: number, quarters: number): string {
  if (crossings === 0) return '0';
  return `${crossings} (over ${quarters} quarter${quarters === 1 ? '' : 's'})`;
}

/** Board pressure when the lab decided in `round`: what the previous quarter ended with. */
function pressureAtDecision(state: GameState, lab: string, round: number): number {
  const previous = state.history.find((r) => r.round === round - 1);
  return previous?.labs.find((l) => l.lab === lab)?.boardPressure ?? 0;
}

/** "Meridian's", "Lantern Labs'". */
function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** Where a level is on a lab's own policy's ladder (−1: none). */
function levelIndex(ladder: readonly LevelSpec[], id: string | null): number {
  return id === null ? -1 : ladder.findIndex((l) => l.id === id);
}

/** One lab's missed crossings quarter by quarter, as some ladder counts them. */
type MissedByQuarter = (lab: string) => { round: number; missed: readonly MissedCrossing[] }[];

/** The record's own: each quarter against the ladder the lab held that quarter (revised or not). */
const recordedMisses =
  (state: GameState): MissedByQuarter =>
  (lab) =>
    state.history.map((round) => ({
      round: round.round,
      missed: round.labs.find((l) => l.lab === lab)?.missedCrossings ?? [],
    }));

/**
 * Missed crossings grouped into episodes: a threshold (lab, level, domain) missed in consecutive
 * quarters is one episode, reported with its first quarter's numbers.
 */
function episodes(byQuarter: MissedByQuarter, labs: readonly string[]): MissedCrossing[] {
  const found: MissedCrossing[] = [];
  for (const lab of labs) {
    let previous = new Set<string>();
    let previousRound = -1;
    for (const { round, missed } of byQuarter(lab)) {
      const now = new Set<string>();
      for (const m of missed) {
        const key = `${m.levelId}\u0000${m.domain}`;
        now.add(key);
        if (!(previous.has(key) && previousRound === round - 1)) found.push(m);
      }
      previous = now;
      previousRound = round;
    }
  }
  return found.sort((a, b) => a.round - b.round || labs.indexOf(a.lab) - labs.indexOf(b.lab));
}

/**
 * Missed crossings grouped into episodes, against the ladder each lab held in each quarter (its
 * revisions included, as the record counts them).
 */
export function missedCrossingEpisodes(
  state: GameState,
  labs: readonly string[],
): MissedCrossing[] {
  return episodes(recordedMisses(state), labs);
}

/** The ladder a lab started the game with: its own with every revision, public or quiet, undone. */
export function startingLevels(lab: LabState): readonly LevelSpec[] {
  return lab.policy.revisions.length === 0
    ? lab.policy.levels
    : undoRevisions(lab.policy.levels, lab.policy.revisions);
}

/**
 * Missed crossings as the ladder each lab started with counts them: the same true capability and
 * the same eval results each quarter, held against the thresholds before any revision. A lab that
 * loosened a threshold can miss a crossing here that its revised ladder no longer shows.
 */
export function missedCrossingEpisodesOnStartingLadder(
  scenario: Scenario,
  state: GameState,
  labs: readonly string[],
): MissedCrossing[] {
  const buffer = scenario.evaluation.safetyBuffer;
  const byQuarter: MissedByQuarter = (id) => {
    const lab = state.labs.find((l) => l.id === id);
    if (!lab) return [];
    const ladder = startingLevels(lab);
    return rowsOf(state, id).map((row) => ({
      round: row.round,
      missed: missedCrossings(
        ladder,
        row.capability,
        row.measured && {
          round: row.round,
          measured: row.measured,
          uncertainty: 0,
          sensitivity: 0,
        },
        buffer,
        id,
        row.round,
      ),
    }));
  };
  return episodes(byQuarter, labs);
}

/** Both counts of the missed crossings, and whether any of the labs revised a threshold at all. */
export interface MissedByLadder {
  /** Against the ladder each lab started the game with. */
  starting: MissedCrossing[];
  /** Against the ladder each lab held in each quarter, revisions included (the record's count). */
  revised: MissedCrossing[];
  /** Labs (of those asked about) that revised a threshold: only for them can the two differ. */
  revisedLabs: string[];
}

export function missedCrossingsByLadder(
  scenario: Scenario,
  state: GameState,
  labs: readonly string[],
): MissedByLadder {
  return {
    starting: missedCrossingEpisodesOnStartingLadder(scenario, state, labs),
    revised: missedCrossingEpisodes(state, labs),
    revisedLabs: labs.filter(
      (id) => (state.labs.find((l) => l.id === id)?.policy.revisions.length ?? 0) > 0,
    ),
  };
}

const SAFEGUARD_FOR_INCIDENT: Record<IncidentKind, string> = {
  misuse: 'deployment safeguards (filters, monitoring, access controls)',
  theft: 'weight security',
  stolenModelMisuse: 'weight security (a stolen model is used with no safeguards at all)',
  lossOfControl: 'alignment evidence and control measures',
};

// ---------------------------------------------------------------- the outcome

function outcomeSummary(state: GameState, focus: readonly string[]): Debrief['outcome'] {
  const o = state.outcome;
  const risks = focus
    .map((id) => {
      const r = o?.labs.find((l) => l.lab === id)?.cumulativeRisk;
      return r === undefined ? null : `${labName(state, id)} ${percent(r)}`;
    })
    .filter((x): x is string => x !== null);
  const riskLine =
    risks.length > 0
      ? ` Cumulative risk taken — the chance, over the whole game, of at least one incident from a lab's models: ${risks.join(', ')}.`
      : '';
  if (!o) {
    return {
      title: 'The game is still in progress',
      text: `Quarter ${state.round} of ${state.totalRounds}. The debrief is complete once the game ends.`,
    };
  }
  const trust = ` Public trust ended at ${percent(o.publicTrust)}.`;
  switch (o.reason) {
    case 'catastrophe': {
      const c = o.catastrophe;
      const what = c ? describeIncident(c, labName(state, c.lab)).headline : 'Catastrophe';
      return {
        title: `Catastrophe in quarter ${o.round}`,
        text: `${what}. Harm on this scale ends the race for everyone: every lab loses, whoever caused it.${riskLine}`,
      };
    }
    case 'regulatorHalt':
      return {
        title: `The regulator stopped frontier development in quarter ${o.round}`,
        text: `Public trust fell so low for so long that the regulator ordered a ${REGULATION_NAMES[3]}. Nobody reaches the frontier now.${riskLine}${trust}`,
      };
    case 'roundsComplete':
      return {
        // A workshop can end after one quarter ("end now").
        title: `${o.round === 1 ? 'The one quarter' : `All ${o.round} quarters`} played without catastrophe`,
        text: `No catastrophe — but that alone does not show the risks were small.${riskLine}${trust}`,
      };
  }
}

// ---------------------------------------------------------------- key moments

interface Moment {
  round: number;
  order: number;
  text: string;
}

function crossingMoments(scenario: Scenario, state: GameState, lab: string): Moment[] {
  const rows = rowsOf(state, lab);
  const name = labName(state, lab);
  const moments: Moment[] = [];
  const ladder = labPolicy(scenario, lab).levels;
  ladder.forEach((level, index) => {
    const trueRow = rows.find((r) => levelIndex(ladder, r.trueLevel) >= index);
    const knownRow = rows.find((r) => levelIndex(ladder, r.knownLevel) >= index);
    if (trueRow) {
      const shown =
        knownRow && knownRow.round <= trueRow.round
          ? ''
          : knownRow
            ? ` Its evals first showed it in quarter ${knownRow.round}.`
            : ' Its evals never showed it.';
      moments.push({
        round: trueRow.round,
        order: 0,
        text: `${possessive(name)} model truly reached ${level.name} (hidden during play).${shown}`,
      });
    }
    if (knownRow) {
      moments.push({
        round: knownRow.round,
        order: 1,
        text: `${possessive(name)} evals showed ${level.name} for the first time; ${POSTURE_RULES[knownRow.allowedPosture].words.verdict}.`,
      });
    }
  });
  return moments;
}

function brokenMoments(state: GameState, lab: string): Moment[] {
  const rows = rowsOf(state, lab);
  const name = labName(state, lab);
  const moments: Moment[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    if (row.compliance !== 'broken') continue;
    const previous = rows[i - 1];
    if (previous?.compliance === 'broken' && previous.round === row.round - 1) continue;
    let more = 0;
    for (let j = i + 1; j < rows.length; j++) {
      const next = rows[j] as Row;
      if (next.compliance !== 'broken' || next.round !== row.round + (j - i)) break;
      more++;
    }
    const pressure = pressureAtDecision(state, lab, row.round);
    const pressed =
      pressure > HIGH_BOARD_PRESSURE
        ? `, with its board pressing hard (pressure ${percent(pressure)})`
        : '';
    const after =
      more > 0 ? ` It did so for ${more} more quarter${more === 1 ? '' : 's'} in a row.` : '';
    moments.push({
      round: row.round,
      order: 3,
      text: `${name} broke its own commitment: it ${POSTURE_RULES[row.effectivePosture].words.did} although its policy said ${row.allowedPosture}${pressed}.${after}`,
    });
  }
  return moments;
}

/** A lab's threshold revisions, one moment per quarter and kind (public or quiet). */
function revisionMoments(scenario: Scenario, lab: LabState): Moment[] {
  const groups = new Map<string, PolicyRevision[]>();
  for (const r of lab.policy.revisions) {
    const key = `${r.round}:${r.publicly}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((revisions) => {
    const first = revisions[0] as PolicyRevision;
    const how = first.publicly ? 'publicly' : 'quietly';
    const loosened = revisions.every((r) => r.to > r.from);
    const tightened = revisions.every((r) => r.to < r.from);
    const verb = loosened ? 'loosened' : tightened ? 'tightened' : 'changed';
    const what = revisions
      .map(
        (r) =>
          `${levelName(scenario, r.levelId)} ${domainName(scenario, r.domain)} from ${percent(r.from)} to ${percent(r.to)}`,
      )
      .join('; ');
    const exposed = revisions.filter((r) => r.exposed).length;
    const exposure = first.publicly
      ? ''
      : exposed === revisions.length
        ? ' It later came to light.'
        : exposed === 0
          ? ' Nobody found out.'
          : ` ${exposed} of these later came to light.`;
    const noun = revisions.length === 1 ? 'threshold' : `${revisions.length} thresholds`;
    return {
      round: first.round,
      order: 4,
      text: `${lab.name} ${how} ${verb} its ${noun}: ${what}.${exposure}`,
    };
  });
}

function keyMoments(scenario: Scenario, state: GameState, focus: readonly string[]): Moment[] {
  const readable = readableNews(scenario, state.labs, state.world.news);
  const moments: Moment[] = [];
  for (const lab of focus) moments.push(...crossingMoments(scenario, state, lab));
  for (const m of missedCrossingEpisodes(state, focus)) {
    moments.push({
      round: m.round,
      order: 2,
      text: `Missed crossing at ${labName(state, m.lab)}: ${missedCrossingWords(scenario, m, 'its evals')}.`,
    });
  }
  for (const lab of focus) moments.push(...brokenMoments(state, lab));
  for (const lab of state.labs) moments.push(...revisionMoments(scenario, lab));

  let regulation = 0;
  let pactTriggers = 0;
  for (const round of state.history) {
    for (const i of round.incidents) {
      const d = describeIncident(i, labName(state, i.lab));
      moments.push({ round: round.round, order: 5, text: `${d.headline}.` });
    }
    if (round.pauseAgreementTriggered) {
      pactTriggers++;
      if (pactTriggers === 1) {
        moments.push({
          round: round.round,
          order: 6,
          text: 'The conditional pause agreement triggered: a member found a dangerous capability without the safeguards to match, and every member was asked to pause.',
        });
      }
    }
    for (const n of readable.filter((x) => x.round === round.round)) {
      if (n.kind === 'pause' && n.lab !== null) {
        moments.push({ round: round.round, order: 6, text: `${n.headline}.` });
      } else if (n.kind === 'audit' && n.lab !== null && focus.includes(n.lab)) {
        moments.push({ round: round.round, order: 7, text: `${n.headline}.` });
      }
    }
    if (round.regulation > regulation) {
      moments.push({
        round: round.round,
        order: 8,
        text: `Regulation rises to level ${round.regulation}: ${REGULATION_NAMES[round.regulation]}.`,
      });
      regulation = round.regulation;
    }
  }
  if (pactTriggers > 1) {
    const first = moments.find((m) => m.order === 6 && m.text.startsWith('The conditional'));
    if (first) first.text += ` It triggered in ${pactTriggers} quarters in all.`;
  }
  if (state.outcome) {
    const o = outcomeSummary(state, focus);
    moments.push({ round: state.outcome.round, order: 9, text: `${o.title}.` });
  }
  return moments.sort((a, b) => a.round - b.round || a.order - b.order);
}

// ---------------------------------------------------------------- rivals

function rivalSummary(state: GameState, lab: LabState): string {
  const rows = rowsOf(state, lab.id);
  const count = (p: Posture) => rows.filter((r) => r.effectivePosture === p).length;
  const broken = rows.filter((r) => r.compliance === 'broken').length;
  const held = rows.filter(
    (r) => r.overriddenBy === 'policy' || r.overriddenBy === 'regulator',
  ).length;
  const quiet = lab.policy.revisions.filter((r) => !r.publicly);
  const exposed = quiet.filter((r) => r.exposed).length;
  const open = lab.policy.revisions.length - quiet.length;
  const incidents = state.history.flatMap((r) => r.incidents).filter((i) => i.lab === lab.id);
  const postures = [...POSTURES]
    .reverse()
    .map((p) => [POSTURE_RULES[p].words.done, count(p)] as const)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n}`);
  const parts = [
    `${BOT_DESCRIPTIONS[lab.strategy].name}. Over ${rows.length} quarter${rows.length === 1 ? '' : 's'}: ${postures.join(', ') || 'no decisions'}.`,
  ];
  parts.push(
    broken === 0
      ? 'Never went past its own commitment.'
      : `Went past its own commitment ${broken} time${broken === 1 ? '' : 's'}.`,
  );
  if (held > 0) parts.push(`Held back by binding rules ${held} time${held === 1 ? '' : 's'}.`);
  if (quiet.length > 0) {
    parts.push(
      `Quietly revised ${quiet.length} threshold${quiet.length === 1 ? '' : 's'} (${exposed === 0 ? 'none' : exposed} exposed).`,
    );
  }
  if (open > 0) parts.push(`Publicly revised ${open} threshold${open === 1 ? '' : 's'}.`);
  if (incidents.length > 0) {
    const serious = incidents.filter((i) => i.severity !== 'warning').length;
    parts.push(
      `Its models caused ${incidents.length} incident${incidents.length === 1 ? '' : 's'}${serious > 0 ? ` (${serious} serious or worse)` : ''}.`,
    );
  }
  if (lab.halted) parts.push('Halted by the regulator.');
  return parts.join(' ');
}

// ---------------------------------------------------------------- questions

type Rule = (ctx: QuestionContext) => string | null;

interface QuestionContext {
  scenario: Scenario;
  state: GameState;
  focus: readonly string[];
  missed: MissedCrossing[];
}

const you = (ctx: QuestionContext, lab: string): string =>
  ctx.focus.length === 1 ? 'your lab' : labName(ctx.state, lab);

/** Every lab, the focus labs first. */
function focusFirst(ctx: QuestionContext): LabState[] {
  return [
    ...ctx.state.labs.filter((l) => ctx.focus.includes(l.id)),
    ...ctx.state.labs.filter((l) => !ctx.focus.includes(l.id)),
  ];
}

const catastropheRule: Rule = ({ state }) => {
  const c = state.outcome?.catastrophe;
  if (!c) return null;
  return `The game ended in catastrophe in quarter ${c.round}, from ${possessive(labName(state, c.lab))} model. Which safeguard gap mattered most — here, ${SAFEGUARD_FOR_INCIDENT[c.kind]} — and when could it still have been closed?`;
};

const missedRule: Rule = (ctx) => {
  const m = ctx.missed[0];
  if (!m) return null;
  return `In quarter ${m.round} ${possessive(you(ctx, m.lab))} evals missed a crossing: ${domainName(ctx.scenario, m.domain)} capability was past the ${levelName(ctx.scenario, m.levelId)} threshold while the evals showed ${percent(m.measured)}. What would it have taken to catch it — more eval budget, stronger elicitation, a wider safety buffer, an outside audit — and what would that have cost?`;
};

const brokenRule: Rule = (ctx) => {
  for (const lab of ctx.focus) {
    const rows = rowsOf(ctx.state, lab).filter((r) => r.compliance === 'broken');
    const pressed = rows.find(
      (r) => pressureAtDecision(ctx.state, lab, r.round) > HIGH_BOARD_PRESSURE,
    );
    if (pressed) {
      return `In quarter ${pressed.round} ${you(ctx, lab)} went past its own commitment while its board was pressing to catch up. Can voluntary commitments hold under that kind of pressure? What would have made this one easier to keep?`;
    }
  }
  for (const lab of ctx.focus) {
    const row = rowsOf(ctx.state, lab).find((r) => r.compliance === 'broken');
    if (row) {
      return `In quarter ${row.round} ${you(ctx, lab)} went past its own commitment. What made breaking it seem worth it — and who outside the lab could have held it to its word?`;
    }
  }
  return null;
};

const racingRule: Rule = (ctx) => {
  for (const lab of ctx.state.labs) {
    if (ctx.focus.includes(lab.id)) continue;
    const row = rowsOf(ctx.state, lab.id).find(
      (r) => r.compliance === 'broken' && POSTURE_RULES[r.effectivePosture].release === 'full',
    );
    if (row) {
      return `${lab.name} released in full in quarter ${row.round} although its own policy said ${row.allowedPosture}. How did its racing change what ${ctx.focus.length === 1 ? 'you' : 'the other labs'} could afford to do — and does one lab holding back help if others race on?`;
    }
  }
  return null;
};

const coordinationRule: Rule = ({ state }) => {
  const triggered = state.history.find((round) => round.pauseAgreementTriggered);
  if (triggered) {
    for (const round of state.history) {
      const defector = round.labs.find((row) => row.defected);
      const lab = defector && state.labs.find((l) => l.id === defector.lab);
      if (lab) {
        return `${lab.name} kept training in quarter ${round.round} although the conditional pause agreement it had signed was triggered. What makes such an agreement hold when pausing costs a member its market, and what should happen to a member who breaks it?`;
      }
    }
    return `The conditional pause agreement triggered in quarter ${triggered.round} and every member paused. What makes such an agreement hold when pausing costs a member its market? How many labs must be in it before a pause is not a lone sacrifice?`;
  }
  for (const round of state.history) {
    for (const row of round.labs) {
      const left = row.decision.actions.some((a) => a.kind === 'leavePauseAgreement');
      const reported = round.news.some((n) => n.kind === 'pause' && n.lab === row.lab);
      if (left && reported) {
        return `${labName(state, row.lab)} left the conditional pause agreement in quarter ${round.round}. What could keep labs in an agreement when leaving pays?`;
      }
    }
  }
  return null;
};

const accountabilityRule: Rule = (ctx) => {
  for (const lab of focusFirst(ctx)) {
    const r = lab.policy.revisions.find((x) => !x.publicly && x.exposed);
    if (r) {
      const mine = ctx.focus.length === 1 && ctx.focus.includes(lab.id);
      const who = mine
        ? 'Your quiet change to your'
        : `${possessive(lab.name)} quiet change to its`;
      return `${who} ${levelName(ctx.scenario, r.levelId)} threshold (quarter ${r.round}) came to light. Who should be able to check a lab's thresholds and evals, and what should happen when a lab changes them without saying so?`;
    }
  }
  return null;
};

const hiddenRevisionRule: Rule = (ctx) => {
  for (const lab of focusFirst(ctx)) {
    const r = lab.policy.revisions.find((x) => !x.publicly && !x.exposed);
    if (r) {
      return `${lab.name} quietly changed its ${levelName(ctx.scenario, r.levelId)} threshold in quarter ${r.round}, and nobody found out during the game. Should that be possible under a safety policy? What would have caught it?`;
    }
  }
  return null;
};

const RULES: Rule[] = [
  catastropheRule,
  missedRule,
  brokenRule,
  racingRule,
  coordinationRule,
  accountabilityRule,
  hiddenRevisionRule,
];

function fallbacks(ctx: QuestionContext): string[] {
  const questions: string[] = [];
  if (ctx.missed.length === 0) {
    questions.push(
      'Your evals never missed a threshold your model had crossed. Was that the eval budget, the safety buffer, or luck — and how could a lab tell which?',
    );
  }
  questions.push(
    'Now that you can see true capability next to what your evals showed: which decision would you make differently?',
    'Your lab wrote its own thresholds, ran its own evals and judged its own compliance. What would outside checks — audits, published evals, a regulator — have changed?',
    'Which number in your policy would you set differently next time: a threshold, a safeguard requirement, or the safety buffer? Why?',
  );
  return questions;
}

/** At most four questions, at least three: from what happened first, then general ones. */
function chooseQuestions(ctx: QuestionContext): string[] {
  const chosen: string[] = [];
  for (const rule of RULES) {
    const q = rule(ctx);
    if (q && chosen.length < 4) chosen.push(q);
  }
  for (const q of fallbacks(ctx)) {
    if (chosen.length >= 3) break;
    chosen.push(q);
  }
  return chosen;
}

// ---------------------------------------------------------------- the debrief

/**
 * The debrief of a game for the labs humans played (`focusLabs`; solo: one). With no focus labs
 * (a game bots played alone) every lab is treated as in focus.
 */
export function buildDebrief(scenario: Scenario, state: GameState, focusLabs: string[]): Debrief {
  const known = new Set(state.labs.map((l) => l.id));
  const requested = focusLabs.filter((id) => known.has(id));
  const focus = requested.length > 0 ? requested : state.labs.map((l) => l.id);
  const missed = missedCrossingEpisodes(state, focus);
  const ordered = [
    ...focus.map((id) => state.labs.find((l) => l.id === id) as LabState),
    ...state.labs.filter((l) => !focus.includes(l.id)),
  ];
  const commitments = ordered.map((lab) => {
    const rows = rowsOf(state, lab.id);
    return {
      lab: lab.id,
      name: lab.name,
      kept: rows.filter((r) => r.compliance === 'kept').length,
      broken: rows.filter((r) => r.compliance === 'broken').length,
      revisedPublicly: lab.policy.revisions.filter((r) => r.publicly).length,
      revisedQuietly: lab.policy.revisions.filter((r) => !r.publicly).length,
    };
  });
  const rivals = state.labs
    .filter((l) => !focus.includes(l.id))
    .map((lab) => ({
      lab: lab.id,
      name: lab.name,
      strategy: lab.strategy,
      summary: rivalSummary(state, lab),
    }));
  return {
    outcome: outcomeSummary(state, focus),
    missedCrossings: missed,
    missedQuarters: quartersWithMissedCrossing(state, focus),
    firstMissed: missed[0] ?? null,
    commitments,
    rivals,
    keyMoments: keyMoments(scenario, state, focus).map(({ round, text }) => ({ round, text })),
    questions: chooseQuestions({ scenario, state, focus, missed }),
  };
}
