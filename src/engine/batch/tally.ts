// The statistics of a batch as state that can be added: counts, exact sums and whole-number
// histograms, never a list of games. Two tallies of any two sets of games merge into the tally of
// both, bit for bit, so a batch can be cut into chunks, worker threads or cluster shards and the
// figures read at the end are the same however it was cut, with memory that does not grow with
// the number of games. Plain JSON: tallies cross worker boundaries and are written to part files.

import { PAUSE_CAUSES, type PauseCause } from '../types';
import { addExact, emptySum, exactValue, mergeExact, type ExactSum } from './exactSum';
import {
  noPauses,
  type DeploymentTiming,
  type GameSummary,
  type LabStats,
  type OutcomeStats,
} from './summary';
import { proportion } from './stats';

/**
 * A mean final share to 12 significant digits: a last-bit difference in a share between two
 * JavaScript engines (Node and a browser's Web Worker) then does not reach the report, which
 * stays the same bytes everywhere.
 */
const twelveDigits = (x: number): number => Number(x.toPrecision(12));

/** One lab's counts over the games of a tally. */
export interface LabTally {
  games: number;
  quarters: number;
  ownPolicyPause: number;
  brokenQuarters: number;
  causedCatastrophe: number;
  leads: number;
  finalShare: ExactSum;
  crossings: number;
  missedCrossings: number;
  crossedQuarters: number;
  unseenQuarters: number;
}

export interface BatchTally {
  games: number;
  catastrophe: number;
  anyIncident: number;
  anyPause: number;
  regulatorHalt: number;
  labQuarters: number;
  brokenQuarters: number;
  pausedBy: Record<PauseCause, number>;
  crossings: number;
  missedCrossings: number;
  crossedQuarters: number;
  unseenQuarters: number;
  rounds: number;
  maxRounds: number;
  /** Per lab id, in the order the labs were first seen. */
  labs: Record<string, LabTally>;
  /** The levels reported, in order. */
  levelIds: string[];
  /** Per level id: firstDeployment[id][q − 1] = games whose first deployment at that level was in quarter q. */
  firstDeployment: Record<string, number[]>;
  /**
   * Two order-free 32-bit checksums of every game's summary (sums of hashes, modulo 2³²): two
   * tallies of the same seeds hold the same games when these agree (a false "same" has odds of
   * about 2⁻⁶⁴). This is how a sweep tells that its setting changed no game at all.
   */
  fingerprint: [number, number];
}

export function emptyTally(levelIds: readonly string[]): BatchTally {
  return {
    games: 0,
    catastrophe: 0,
    anyIncident: 0,
    anyPause: 0,
    regulatorHalt: 0,
    labQuarters: 0,
    brokenQuarters: 0,
    pausedBy: noPauses(),
    crossings: 0,
    missedCrossings: 0,
    crossedQuarters: 0,
    unseenQuarters: 0,
    rounds: 0,
    maxRounds: 0,
    labs: {},
    levelIds: [...levelIds],
    firstDeployment: Object.fromEntries(levelIds.map((id) => [id, []])),
    fingerprint: [0, 0],
  };
}

function emptyLab(): LabTally {
  return {
    games: 0,
    quarters: 0,
    ownPolicyPause: 0,
    brokenQuarters: 0,
    causedCatastrophe: 0,
    leads: 0,
    finalShare: emptySum(),
    crossings: 0,
    missedCrossings: 0,
    crossedQuarters: 0,
    unseenQuarters: 0,
  };
}

/** A lab's per-game counts that add up across games (and across tallies). */
const LAB_COUNTS = [
  'quarters',
  'ownPolicyPause',
  'brokenQuarters',
  'crossings',
  'missedCrossings',
  'crossedQuarters',
  'unseenQuarters',
] as const;

/** FNV-1a over the text's UTF-16 code units, from `basis` (two bases give two independent hashes). */
function fnv1a(text: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A game's summary as a checksum pair (the same summary always gives the same pair). */
export function summaryHash(summary: GameSummary): [number, number] {
  const text = JSON.stringify(summary);
  return [fnv1a(text, 2166136261), fnv1a(text, 0x9e3779b9)];
}

function addHistogram(into: number[], from: readonly number[]): void {
  from.forEach((count, i) => (into[i] = (into[i] ?? 0) + count));
}

/** Count one game into `tally` (in place). */
export function tallyGame(tally: BatchTally, s: GameSummary): void {
  tally.games++;
  if (s.catastrophe) tally.catastrophe++;
  if (s.anyIncident) tally.anyIncident++;
  if (s.anyPause) tally.anyPause++;
  if (s.endReason === 'regulatorHalt') tally.regulatorHalt++;
  tally.labQuarters += s.labQuarters;
  tally.brokenQuarters += s.brokenQuarters;
  for (const cause of PAUSE_CAUSES) tally.pausedBy[cause] += s.pausedBy[cause];
  tally.crossings += s.crossings;
  tally.missedCrossings += s.missedCrossings;
  tally.crossedQuarters += s.crossedQuarters;
  tally.unseenQuarters += s.unseenQuarters;
  tally.rounds += s.rounds;
  if (s.rounds > tally.maxRounds) tally.maxRounds = s.rounds;
  for (const [id, lab] of Object.entries(s.labs)) {
    const t = (tally.labs[id] ??= emptyLab());
    t.games++;
    for (const key of LAB_COUNTS) t[key] += lab[key];
    if (lab.causedCatastrophe) t.causedCatastrophe++;
    if (lab.leads) t.leads++;
    addExact(t.finalShare, lab.finalShare);
  }
  for (const id of tally.levelIds) {
    const q = s.firstDeploymentRoundByLevel[id];
    if (q === null || q === undefined) continue;
    const histogram = (tally.firstDeployment[id] ??= []);
    for (let i = histogram.length; i < q; i++) histogram.push(0);
    histogram[q - 1] = (histogram[q - 1] ?? 0) + 1;
  }
  const [a, b] = summaryHash(s);
  tally.fingerprint = [(tally.fingerprint[0] + a) >>> 0, (tally.fingerprint[1] + b) >>> 0];
}

/** The tally of `summaries` (any order). */
export function tallyGames(
  summaries: readonly GameSummary[],
  levelIds: readonly string[],
): BatchTally {
  const tally = emptyTally(levelIds);
  for (const s of summaries) tallyGame(tally, s);
  return tally;
}

/** Add `other` into `into` (in place): the tally of both sets of games. */
export function mergeTally(into: BatchTally, other: BatchTally): void {
  if (into.levelIds.join('\n') !== other.levelIds.join('\n')) {
    throw new Error('cannot merge tallies that report different levels');
  }
  const counts = [
    'games',
    'catastrophe',
    'anyIncident',
    'anyPause',
    'regulatorHalt',
    'labQuarters',
    'brokenQuarters',
    'crossings',
    'missedCrossings',
    'crossedQuarters',
    'unseenQuarters',
    'rounds',
  ] as const;
  for (const key of counts) into[key] += other[key];
  for (const cause of PAUSE_CAUSES) into.pausedBy[cause] += other.pausedBy[cause];
  into.maxRounds = Math.max(into.maxRounds, other.maxRounds);
  for (const [id, lab] of Object.entries(other.labs)) {
    const t = (into.labs[id] ??= emptyLab());
    t.games += lab.games;
    for (const key of LAB_COUNTS) t[key] += lab[key];
    t.causedCatastrophe += lab.causedCatastrophe;
    t.leads += lab.leads;
    mergeExact(t.finalShare, lab.finalShare);
  }
  for (const id of into.levelIds) {
    addHistogram((into.firstDeployment[id] ??= []), other.firstDeployment[id] ?? []);
  }
  into.fingerprint = [
    (into.fingerprint[0] + other.fingerprint[0]) >>> 0,
    (into.fingerprint[1] + other.fingerprint[1]) >>> 0,
  ];
}

/** The k-th smallest (0-based) of the quarters a histogram counts. */
function kthQuarter(histogram: readonly number[], k: number): number {
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen > k) return i + 1;
  }
  return histogram.length;
}

function timing(tally: BatchTally, levelId: string): DeploymentTiming {
  const counts = tally.firstDeployment[levelId] ?? [];
  const histogram = new Array<number>(tally.maxRounds).fill(0);
  counts.forEach((c, i) => (histogram[i] = c));
  let deployed = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    deployed += c;
    sum += c * (i + 1);
  });
  const mid = deployed >> 1;
  const median =
    deployed === 0
      ? null
      : deployed % 2 === 1
        ? kthQuarter(counts, mid)
        : (kthQuarter(counts, mid - 1) + kthQuarter(counts, mid)) / 2;
  return {
    levelId,
    deployed: proportion(deployed, tally.games),
    histogram,
    never: tally.games - deployed,
    median,
    mean: deployed ? sum / deployed : null,
  };
}

/** Outcome frequencies with Wilson 95% intervals, read from a tally. */
export function tallyStats(tally: BatchTally): OutcomeStats {
  const n = tally.games;
  const lq = tally.labQuarters;
  const perLab: Record<string, LabStats> = {};
  for (const [id, t] of Object.entries(tally.labs)) {
    perLab[id] = {
      ownPolicyPause: proportion(t.ownPolicyPause, t.quarters),
      brokenCommitment: proportion(t.brokenQuarters, t.quarters),
      catastrophesCaused: proportion(t.causedCatastrophe, t.games),
      leads: proportion(t.leads, t.games),
      meanFinalShare: t.games ? twelveDigits(exactValue(t.finalShare) / t.games) : 0,
      crossingsMissed: proportion(t.missedCrossings, t.crossings),
      crossingsUnseen: proportion(t.unseenQuarters, t.crossedQuarters),
    };
  }
  return {
    games: n,
    catastrophe: proportion(tally.catastrophe, n),
    anyIncident: proportion(tally.anyIncident, n),
    anyPause: proportion(tally.anyPause, n),
    brokenCommitment: proportion(tally.brokenQuarters, lq),
    pauseByCause: {
      ownPolicy: proportion(tally.pausedBy.ownPolicy, lq),
      agreement: proportion(tally.pausedBy.agreement, lq),
      regulator: proportion(tally.pausedBy.regulator, lq),
      choice: proportion(tally.pausedBy.choice, lq),
    },
    perLab,
    regulatorHalt: proportion(tally.regulatorHalt, n),
    crossingsMissed: proportion(tally.missedCrossings, tally.crossings),
    meanMissedCrossings: n ? tally.missedCrossings / n : 0,
    crossingsUnseen: proportion(tally.unseenQuarters, tally.crossedQuarters),
    meanRounds: n ? tally.rounds / n : 0,
    firstDeployment: tally.levelIds.map((id) => timing(tally, id)),
  };
}

/**
 * Proportions with Wilson 95% intervals and time-to-deployment distributions. `levelIds` fixes
 * the levels reported (default: those of the first summary). Order of summaries does not matter:
 * the figures are read from their tally (above), as a merged or streamed batch reads them.
 */
export function aggregate(
  summaries: readonly GameSummary[],
  levelIds?: readonly string[],
): OutcomeStats {
  const ids = levelIds ?? Object.keys(summaries[0]?.firstDeploymentRoundByLevel ?? {});
  return tallyStats(tallyGames(summaries, ids));
}
