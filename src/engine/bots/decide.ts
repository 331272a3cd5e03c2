// One decision procedure for every bot: a strategy (strategy.ts) is the data it reads. In order:
// the policy actions (so the posture knows whether it is still in the pause agreement), the
// posture, then the budget. Pure: the same view and strategy always give the same decision.

import type {
  BotTuning,
  BudgetSplit,
  LabDecision,
  LabView,
  PauseCause,
  PolicyAction,
  Posture,
} from '../types';
import { SAFEGUARD_TRACKS } from '../types';
import {
  HIGH_BOARD_PRESSURE,
  aRivalHasDeployed,
  buildsFor,
  currentLevel,
  isAhead,
  measuredCapability,
  noMorePermissiveThan,
  normalisedSplit,
} from './building-blocks';
import { distrustSignal, endgameSignal, incidentSignal, raceSignal } from './signals';
import type { Strategy } from './strategy';
import { competitorClauseHolds, delayWarranted } from '../policyRules';

/** Quarters after a member's defection during which others treat the agreement as broken. */
export const DEFECTION_MEMORY = 4;
/** How far above the measured result a loosened threshold is set (capability units). */
export const LOOSENING_MARGIN = 0.1;

/** Options a scenario sets for a seat: `pauseNow` makes the bot pause whatever its policy says. */
export interface DecideOptions {
  pauseNow?: boolean;
}

/** Strategies' numbers with a scenario's `labs[].bot` over them, merged once per tuning object. */
const TUNED = new WeakMap<Strategy, WeakMap<Partial<BotTuning>, BotTuning>>();

/**
 * The strategy's tuning with a scenario's overrides (`labs[].bot`) over it. Merged once per
 * overrides object, not once per decision (a 13-key spread for every lab every quarter was a
 * measurable share of a batch): scenarios are data, never changed in place.
 */
export function tuningFor(strategy: Strategy, overrides?: Partial<BotTuning>): BotTuning {
  if (overrides === undefined) return strategy.tuning;
  let merged = TUNED.get(strategy);
  if (merged === undefined) {
    merged = new WeakMap();
    TUNED.set(strategy, merged);
  }
  let tuning = merged.get(overrides);
  if (tuning === undefined) {
    tuning = { ...strategy.tuning, ...overrides };
    merged.set(overrides, tuning);
  }
  return tuning;
}

export function decide(
  view: LabView,
  strategy: Strategy,
  tuning: BotTuning = strategy.tuning,
  options: DecideOptions = {},
): LabDecision {
  const actions = policyActions(view, strategy, tuning);
  const chosen = choosePosture(view, strategy, tuning, actions);
  const { posture, pauseFor } = options.pauseNow
    ? {
        posture: 'pause' as const,
        pauseFor: chosen.posture === 'pause' ? chosen.pauseFor : ('choice' as const),
      }
    : chosen;
  const budget = chooseBudget(view, strategy, tuning, posture);
  return pauseFor ? { posture, budget, actions, pauseFor } : { posture, budget, actions };
}

// ---------------------------------------------------------------- policy actions

function aMemberDefectedLately(view: LabView): boolean {
  return view.rivals.some(
    (r) =>
      r.inPauseAgreement &&
      r.lastDefection !== null &&
      view.round - r.lastDefection <= DEFECTION_MEMORY,
  );
}

function policyActions(view: LabView, s: Strategy, t: BotTuning): PolicyAction[] {
  const actions: PolicyAction[] = [];
  const { policy } = view.self;
  if (s.publishesEvals && !policy.publishesEvals)
    actions.push({ kind: 'publishEvals', publish: true });
  if (s.auditEvery > 0 && view.round % s.auditEvery === 0) actions.push({ kind: 'inviteAudit' });
  if (policy.inPauseAgreement) {
    if (
      s.membership === 'leaves' ||
      (s.membership === 'leavesAfterDefection' && aMemberDefectedLately(view))
    ) {
      actions.push({ kind: 'leavePauseAgreement' });
    }
  } else if (
    s.joins === 'joinIfOthers' &&
    view.rivals.some((r) => r.inPauseAgreement) &&
    !aMemberDefectedLately(view)
  ) {
    actions.push({ kind: 'joinPauseAgreement' });
  }
  if (s.loosening === 'quietUnderPressure') actions.push(...quietLoosening(view, t));
  if (s.loosening === 'competitorClause' && competitorClauseApplies(view)) {
    actions.push(...loosenCurrentLevel(view, true));
  }
  return actions;
}

/**
 * Under pressure, with its policy saying pause: every threshold of the level its evals say it has
 * reached that its evals crossed (or came within the margin of) moves to just above the result.
 */
function quietLoosening(view: LabView, t: BotTuning): PolicyAction[] {
  if (view.self.allowedPosture !== 'pause' || view.self.boardPressure <= t.pressureLimit) return [];
  return loosenCurrentLevel(view, false);
}

function loosenCurrentLevel(view: LabView, publicly: boolean): PolicyAction[] {
  const level = currentLevel(view);
  if (level === null) return [];
  const actions: PolicyAction[] = [];
  for (const domain of view.domains) {
    const threshold = level.thresholds[domain];
    if (threshold === undefined) continue;
    const result = measuredCapability(view, domain);
    // "Near" allows for a policy's safety buffer, which counts results just below as crossings.
    if (result < threshold - LOOSENING_MARGIN) continue;
    const to = Math.min(1, Math.max(threshold, result) + LOOSENING_MARGIN);
    if (to <= threshold) continue;
    actions.push({ kind: 'reviseThreshold', levelId: level.id, domain, to, publicly });
  }
  return actions;
}

/**
 * OpenAI Preparedness Framework v2's competitor clause as a bot uses it to revise its thresholds
 * publicly (policyRules.ts has the conditions): once per level, an adjustment, not a ratchet.
 */
export function competitorClauseApplies(view: LabView): boolean {
  const level = currentLevel(view);
  if (level === null) return false;
  if (view.self.policy.revisions.some((r) => r.levelId === level.id && r.publicly)) return false;
  return competitorClauseHolds(view, view.self.allowedPosture);
}

// ---------------------------------------------------------------- posture

function choosePosture(
  view: LabView,
  s: Strategy,
  t: BotTuning,
  actions: PolicyAction[],
): { posture: Posture; pauseFor?: PauseCause } {
  const allowed = view.self.allowedPosture;
  const wanted: Posture =
    s.release === 'afterRival' && !aRivalHasDeployed(view) ? 'restrict' : 'deploy';
  const loosened = actions.some((a) => a.kind === 'reviseThreshold' && a.publicly);
  let posture: Posture;
  switch (s.commitment) {
    case 'keep':
      posture = loosened ? wanted : noMorePermissiveThan(wanted, allowed);
      break;
    case 'keepUnlessPressed': {
      const pressed =
        view.self.boardPressure > t.pressureLimit && aRivalHasDeployed(view, ['full']);
      posture = pressed ? wanted : noMorePermissiveThan(wanted, allowed);
      break;
    }
    case 'keepWhenAheadOrAgreed': {
      const keepsInFull = isAhead(view) || view.pauseAgreementActive;
      posture = noMorePermissiveThan(
        wanted,
        keepsInFull || allowed !== 'pause' ? allowed : 'restrict',
      );
      break;
    }
    case 'delayIfAheadAndSignificant': {
      const delays = allowed === 'pause' && delayWarranted(view, view.rules.significantShortfall);
      posture = noMorePermissiveThan(wanted, allowed === 'pause' && !delays ? 'restrict' : allowed);
      break;
    }
    case 'ignore':
      posture = wanted;
      break;
  }
  const leaving = actions.some((a) => a.kind === 'leavePauseAgreement');
  const joining = actions.some((a) => a.kind === 'joinPauseAgreement');
  if ((view.self.policy.inPauseAgreement || joining) && !leaving && view.pauseAgreementTriggered) {
    const honours =
      s.honoursAgreement === 'always' ||
      (s.honoursAgreement === 'unlessPressed' && view.self.boardPressure <= t.pressureLimit);
    if (honours && posture !== 'pause') return { posture: 'pause', pauseFor: 'agreement' };
  }
  return posture === 'pause' ? { posture, pauseFor: 'ownPolicy' } : { posture };
}

// ---------------------------------------------------------------- budget

/**
 * How much more (or less) than its usual safeguard spending the lab wants this quarter: up after
 * incidents and with distrust and regulation, down when the race feels close and near the end.
 */
export function caution(view: LabView, t: BotTuning, race = raceSignal(view)): number {
  const c =
    1 +
    t.incidentReaction * incidentSignal(view) +
    t.trustReaction * distrustSignal(view) -
    t.rivalReaction * race -
    t.endgameReaction * endgameSignal(view);
  return Math.min(3, Math.max(0.25, c));
}

/**
 * Safeguard money follows what the evals say is needed: upkeep on every track, plus a share for
 * each unit of readiness a track is short of the level its evals show (and the next, once its
 * evals come within `foresight`), scaled by caution. Capabilities get up to the lab's risk
 * appetite; evals get their share and whatever no other line needs. Paused, capabilities get
 * their paused share and the safeguards that would end the pause get the rest.
 */
function chooseBudget(view: LabView, s: Strategy, t: BotTuning, posture: Posture): BudgetSplit {
  // The race signal reads every rival: read it once for caution and appetite.
  const signal = raceSignal(view);
  const c = caution(view, t, signal);
  const race = Math.max(0, signal);
  // Each track's need as a local, spelled out track by track rather than looped over a keyed
  // record: this runs for every lab every quarter of every batch game.
  // Each track's shortfall (building-blocks' `shortfall`) read by name, not by a track variable.
  const { required } = buildsFor(view, t.foresight);
  const own = view.self.safeguards;
  let security = (t.upkeep + t.needWeight * Math.max(0, required.security - own.security)) * c;
  if (view.stolenModels > 0) security += t.theftReaction;
  if (s.securityCap !== null) security = Math.min(security, s.securityCap);
  const deployment =
    (t.upkeep + t.needWeight * Math.max(0, required.deployment - own.deployment)) * c;
  const alignment = (t.upkeep + t.needWeight * Math.max(0, required.alignment - own.alignment)) * c;
  const needTotal = security + deployment + alignment;
  const evals = t.evalShare;
  let capabilities: number;
  let safeguards: number;
  if (posture === 'pause') {
    capabilities = t.pausedCapabilityShare;
    safeguards = Math.max(0, 1 - evals - capabilities);
  } else {
    safeguards = Math.min(needTotal, t.safeguardCap, Math.max(0, 1 - evals));
    const appetite =
      t.capabilityShare *
      (1 + 0.25 * t.rivalReaction * race + 0.25 * t.endgameReaction * endgameSignal(view));
    capabilities = Math.min(appetite, Math.max(0, 1 - evals - safeguards));
  }
  const scale = needTotal > 0 ? safeguards / needTotal : 0;
  const even = needTotal > 0 ? 0 : safeguards / SAFEGUARD_TRACKS.length;
  // Each line as a local, one object at the end (doubles in objects are boxed: fewer objects,
  // less garbage in a batch).
  let securityShare = security * scale + even;
  let deploymentShare = deployment * scale + even;
  let alignmentShare = alignment * scale + even;
  // A capped security line (open weights) never takes more, even when a pause scales money up:
  // the excess goes to the other two tracks.
  if (s.securityCap !== null && securityShare > s.securityCap) {
    const excess = securityShare - s.securityCap;
    securityShare = s.securityCap;
    deploymentShare += excess / 2;
    alignmentShare += excess / 2;
  }
  const evalsShare = Math.max(
    0,
    1 - capabilities - securityShare - deploymentShare - alignmentShare,
  );
  return normalisedSplit(capabilities, securityShare, deploymentShare, alignmentShare, evalsShare);
}

export { HIGH_BOARD_PRESSURE };
