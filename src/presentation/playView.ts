// What one lab may see while the game is being played, and nothing more: its own evals, known
// level, budget and safeguards (the engine's LabView), the news it may read, its rivals' public
// facts, last quarter's report and its chart as its evals draw it. A screen shown during play gets
// this instead of the GameState, so the model's true capability and the rivals' hidden numbers are
// not in its hands to show by mistake: they are reachable only through `revealedGame`
// (./revealed.ts), which exists once the game is over.
//
// Every field is built from a lab-safe function or copied field by field; nothing here spreads a
// lab or the state. `tests/presentation/playView.test.ts` checks that two games differing only in
// hidden truth give JSON-equal views.

import { readableNews, type WordedNews } from './newsWords';
import type {
  BotStrategyId,
  DomainId,
  GameState,
  LabDecision,
  LabView,
  Scenario,
} from '../engine/types';
import { labView, newsVisibleTo } from '../engine/view';
import { describeCommitment, type CommitmentStatement } from './explain';
import { quarterReport, type QuarterReport } from './quarterReport';
import { timelineData } from './timeline/timelineData';
import { type QuarterRow, type TimelineData } from './timeline/types';

/** A quarter row as the lab saw it: no true capability, true risk or missed crossing. */
export type PlayRow = Omit<QuarterRow, 'truth' | 'trueRisk' | 'missed'> & {
  truth: null;
  trueRisk: null;
  missed: [];
};

/** The lab's chart during play: its evals' measurements and the risk estimated from them only. */
export type PlayTimeline = Omit<
  TimelineData,
  'reveal' | 'truth' | 'trueRisk' | 'missed' | 'rows'
> & {
  reveal: false;
  truth: null;
  trueRisk: null;
  missed: [];
  rows: PlayRow[];
};

export interface PlayView {
  labId: string;
  labName: string;
  round: number;
  totalRounds: number;
  /** What the lab knows of itself and sees of the world (the engine's view, as bots get it). */
  lab: LabView;
  /** What its evals suggest and what its own policy therefore requires. */
  commitment: CommitmentStatement;
  /** Its decision in the quarter just played (null in the first). */
  previous: LabDecision | null;
  /** The rivals bots play, by lab id (a seat another team holds is played by people). */
  strategies: Record<string, BotStrategyId>;
  /** News the lab may read: public items and its own private ones, of the last and this quarter. */
  lastQuarter: WordedNews[];
  thisQuarter: WordedNews[];
  /** "What happened, and why" for the quarter just played (null in the first). */
  report: QuarterReport | null;
  chart: PlayTimeline;
}

export interface PlayViewOptions {
  /** The chart's capability domain (default: the one nearest its first threshold). */
  domain?: DomainId | null;
  /** The path a rewind branched from, drawn as the lab's evals saw it. */
  ghost?: GameState | null;
  /** Last quarter's view: unchanged chart parts keep their identity (see timelineData). */
  previous?: PlayView | null;
}

/** The chart with reveal off: timelineData then leaves every truth field empty. */
function playTimeline(
  scenario: Scenario,
  game: GameState,
  labId: string,
  options: PlayViewOptions,
): PlayTimeline {
  return timelineData(scenario, game, labId, {
    reveal: false,
    domain: options.domain ?? null,
    ghost: options.ghost ?? null,
    previous: options.previous?.chart ?? null,
  }) as PlayTimeline;
}

export function playViewOf(
  game: GameState,
  scenario: Scenario,
  labId: string,
  options: PlayViewOptions = {},
): PlayView {
  const lab = labView(game, scenario, labId);
  // Only the last two quarters' news is shown. readableNews reads a quarter's repeats against the
  // quarter before, so it is given the three last quarters, not the whole game's news (rewording
  // every item of every quarter, each quarter, was most of this view's cost late in a game).
  const recent = game.world.news.filter((n) => n.round >= game.round - 2);
  const news = newsVisibleTo(readableNews(scenario, game.labs, recent), labId);
  const strategies: Record<string, BotStrategyId> = {};
  for (const l of game.labs) if (!game.humans.includes(l.id)) strategies[l.id] = l.strategy;
  return {
    labId,
    labName: game.labs.find((l) => l.id === labId)?.name ?? labId,
    round: game.round,
    totalRounds: game.totalRounds,
    lab,
    commitment: describeCommitment(scenario, lab),
    previous: game.history.at(-1)?.labs.find((l) => l.lab === labId)?.decision ?? null,
    strategies,
    lastQuarter: news.filter((n) => n.round === game.round - 1),
    thisQuarter: news.filter((n) => n.round === game.round),
    report: game.round > 1 ? quarterReport(scenario, game, labId, game.round - 1) : null,
    chart: playTimeline(scenario, game, labId, options),
  };
}

/** `playViewOf` that passes each call its last result, so the chart redraws only what changed. */
export function incrementalPlayView(): (
  game: GameState,
  scenario: Scenario,
  labId: string,
  options?: Omit<PlayViewOptions, 'previous'>,
) => PlayView {
  let last: PlayView | null = null;
  return (game, scenario, labId, options = {}) =>
    (last = playViewOf(game, scenario, labId, { ...options, previous: last }));
}
