// Plain-words explanations of the engine's verdicts, for the decision screen.
//
// Everything here reads a LabView: what the lab itself can know (its evals, its safeguards, its
// own possibly revised ladder). It never sees the model's true capability, so nothing it says
// can leak it. The numbers it quotes come from the same functions and parameters the engine
// uses (commitmentVerdict, resolveDynamics), so the words and the rules cannot drift apart.

import { commitmentVerdict, type Shortfall } from '../engine/commitments';
import { isEvalRound } from '../engine/evaluation';
import { percent } from '../engine/numbers';
import { alertReached } from '../engine/policyRules';
import { domainName } from '../engine/scenarioNames';
import { SAFEGUARD_TRACKS } from '../engine/types';
import type {
  DomainId,
  EvalResult,
  LabView,
  LevelSpec,
  Posture,
  SafeguardTrack,
  Scenario,
} from '../engine/types';

export interface CommitmentStatement {
  /** The most permissive posture the lab's own policy allows, given what its evals show. */
  allowed: Posture;
  /** One sentence: what the evals suggest and what the policy therefore requires. */
  headline: string;
  /** Supporting sentences: each measurement with its uncertainty, how old the evals are, cautions. */
  details: string[];
  /** Safeguard tracks short of what the known level requires. */
  shortfalls: Shortfall[];
  /** The level the lab's evals say it has reached (on its own ladder), or null. */
  knownLevel: LevelSpec | null;
}

/** Capability points (hundredths), for margins such as "give or take 4 points". */
function points(x: number): string {
  const n = Math.round(x * 100);
  return `${n} point${n === 1 ? '' : 's'}`;
}

/** The safeguard tracks in plain words. */
export const TRACK_NAMES: Record<SafeguardTrack, string> = {
  security: 'security',
  deployment: 'deployment safeguards',
  alignment: 'alignment evidence',
};

/** What each track protects against, for a first mention. */
export const TRACK_MEANINGS: Record<SafeguardTrack, string> = {
  security: 'protection of the model weights against theft',
  deployment: 'filters, monitoring and access controls against misuse',
  alignment: 'evidence that the model stays under its operators’ control',
};

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function knownLevelOf(view: LabView): { level: LevelSpec | null; index: number } {
  const index = view.levels.findIndex((l) => l.id === view.self.knownLevel);
  return { level: index >= 0 ? (view.levels[index] ?? null) : null, index };
}

/**
 * The latest external audit's measurement, if any. The engine counts what an
 * audit found as known even when the lab's own later evals show less.
 */
function auditOf(view: LabView): EvalResult | null {
  return view.self.lastAudit;
}

/** Domains whose measured result reaches the level's threshold (with the policy's safety buffer). */
function domainsReached(
  level: LevelSpec,
  view: LabView,
  buffer: number,
  result: EvalResult | null,
): DomainId[] {
  const measured = result?.measured ?? {};
  return view.domains.filter((d) => {
    const t = level.thresholds[d];
    return t !== undefined && (measured[d] ?? 0) >= t - buffer;
  });
}

/** "security readiness 62% of the 70% required" / "readiness 62% of the 70% required". */
function shortfallPhrase(s: Shortfall, named: boolean): string {
  return `${named ? `${TRACK_NAMES[s.track]} ` : ''}readiness ${percent(s.readiness)} of the ${percent(s.required)} required`;
}

function requirementClause(shortfalls: Shortfall[], purpose: string): string {
  const tracks = list(shortfalls.map((s) => TRACK_NAMES[s.track]));
  const detail =
    shortfalls.length === 1
      ? shortfallPhrase(shortfalls[0] as Shortfall, false)
      : shortfalls.map((s) => shortfallPhrase(s, true)).join(', ');
  return `at this level your policy requires ${tracks} ${purpose}: ${detail}`;
}

/** The next quarter (after the current one) in which an assessment runs, or null if none is left. */
function nextEvalRound(view: LabView, cadence: number): number | null {
  for (let r = view.round + 1; r <= view.totalRounds; r++) {
    if (isEvalRound(r, cadence)) return r;
  }
  return null;
}

function cadenceWords(cadence: number): string {
  const n = Math.max(1, Math.round(cadence));
  return n === 1 ? 'every quarter' : `every ${n} quarters`;
}

/** One line per domain: the measured value with its margin of error, against the thresholds. */
function measurementLines(scenario: Scenario, view: LabView, buffer: number): string[] {
  const result = view.self.lastEval;
  if (!result) return [];
  const margin = 2 * result.uncertainty;
  return view.domains.map((d) => {
    const measured = result.measured[d] ?? 0;
    const name = domainName(scenario, d);
    const withThreshold = view.levels
      .map((level) => ({ level, t: level.thresholds[d] }))
      .filter((x): x is { level: LevelSpec; t: number } => x.t !== undefined);
    const reached = withThreshold.filter((x) => measured >= x.t - buffer).at(-1);
    const next = withThreshold.find((x) => measured < x.t - buffer);
    const parts = [`${name}: measured ${percent(measured)} (give or take ${points(margin)})`];
    if (reached)
      parts.push(`at or past the ${reached.level.name} threshold (${percent(reached.t)})`);
    if (next) {
      const close = measured + margin >= next.t - buffer;
      parts.push(
        close
          ? `within the margin of error of the ${next.level.name} threshold (${percent(next.t)}): the true value may already be past it`
          : `below the ${next.level.name} threshold (${percent(next.t)})`,
      );
    } else if (withThreshold.length === 0) {
      parts.push('your policy sets no threshold here');
    }
    return `${parts.join('; ')}.`;
  });
}

function stalenessLine(view: LabView): string {
  const result = view.self.lastEval;
  const cadence = view.rules.evaluation.cadence;
  const next = nextEvalRound(view, cadence);
  const nextWords =
    next === null
      ? 'no further assessment is due before the game ends'
      : `the next one is due at the start of quarter ${next}`;
  if (!result) {
    return `Your evals have not run yet. They run ${cadenceWords(cadence)}; ${nextWords}.`;
  }
  const when =
    result.round === view.round
      ? `at the start of this quarter (quarter ${view.round})`
      : `in quarter ${result.round}, ${view.round - result.round} quarter${view.round - result.round === 1 ? '' : 's'} ago`;
  const since =
    result.round < view.round && view.self.training === 'scaling'
      ? ' Training since then may have moved the model past these numbers.'
      : '';
  return `These results come from the assessment run ${when}. Your evals run ${cadenceWords(cadence)}; ${nextWords}.${since}`;
}

const UNDER_MEASURE =
  'Evals can under-measure. Weak elicitation misses capability the model has, and a model may underperform on purpose when tested (sandbagging), more so as its autonomy grows. The true capability may be higher than these numbers; you will see it only in the debrief.';

function revisionLine(scenario: Scenario, view: LabView): string | null {
  const revisions = view.self.policy.revisions;
  if (revisions.length === 0) return null;
  const parts = revisions.map((r) => {
    const level = view.levels.find((l) => l.id === r.levelId)?.name ?? r.levelId;
    const how = r.publicly ? 'publicly' : r.exposed ? 'quietly, since exposed' : 'quietly';
    return `${level} ${domainName(scenario, r.domain)} ${percent(r.from)} → ${percent(r.to)} (quarter ${r.round}, ${how})`;
  });
  return `Your policy’s thresholds have been revised: ${parts.join('; ')}. The real danger does not move with the policy.`;
}

/**
 * What the policy's own rules make of the ladder's verdict, when they change it: RSP v3.0's
 * conditional delay, a policy that restricts instead of pausing, a competitor clause.
 */
function ruleSentence(view: LabView, ladder: Posture): string | null {
  const allowed = view.self.allowedPosture;
  const name = view.rules.name;
  if (ladder === 'pause' && view.rules.whenShort === 'delayIfAhead') {
    return allowed === 'pause'
      ? `${name} asks you to delay only when you are ahead and the risk is significant: you are both, so it says delay (pause training).`
      : `${name} asks you to delay only when you are ahead and the risk is significant: you are not both, so it lets you keep training with a restricted release.`;
  }
  if (ladder === 'pause' && view.rules.whenShort === 'restrict') {
    return `${name} does not pause training for this: it lets you keep training with a restricted release.`;
  }
  if (ladder === 'restrict' && allowed === 'deploy') {
    return `A rival at your level has released in full: ${name}'s competitor clause lets you release in full too, and the news will say you did.`;
  }
  return null;
}

/** The early warning of a policy with alert thresholds (FSF), when the evals are in its margin. */
function alertLine(view: LabView): string | null {
  if (!alertReached(view)) return null;
  return `Your evals are within ${points(view.rules.evaluation.alertMargin)} of your next level's threshold, an alert threshold: ${view.rules.name} calls for a response plan. Get that level's safeguards ready now; its requirements apply only once it is reached.`;
}

function enforcementLine(view: LabView): string {
  if (view.self.policy.binding) {
    return 'Your policy is binding: the engine will hold you to what it allows.';
  }
  if (view.regulation >= 2) {
    return 'Binding rules are in force: the regulator will hold you to what your policy allows.';
  }
  return 'Your policy is voluntary: you may go past it, but every breach is recorded and can come to light.';
}

/**
 * What the lab's own if-then commitment says this quarter, in plain words: the level its evals
 * suggest, the safeguards that level requires and how far short they are, with the measurements'
 * uncertainty and age, and the caution that evals can under-measure.
 */
export function describeCommitment(scenario: Scenario, view: LabView): CommitmentStatement {
  const buffer = view.safetyBuffer;
  const { level, index } = knownLevelOf(view);
  const verdict = commitmentVerdict(view.levels, index, view.self.safeguards);
  const result = view.self.lastEval;

  let headline: string;
  if (!result) {
    headline =
      'Your evals have not run yet: your policy allows full deployment until they show a threshold reached.';
  } else if (!level) {
    headline = 'Your evals show no threshold reached: your policy allows full deployment.';
  } else {
    const names = (r: EvalResult | null) =>
      list(domainsReached(level, view, buffer, r).map((d) => domainName(scenario, d)));
    const own = names(result);
    const audited = names(auditOf(view));
    const suggests = own
      ? `Your evals suggest the model has reached ${level.name} (${own})`
      : `An external audit found the model at ${level.name}${audited ? ` (${audited})` : ''}, though your own latest evals show less`;
    const training = verdict.shortfalls.filter((s) => s.gates === 'training');
    const deployment = verdict.shortfalls.filter((s) => s.gates === 'deployment');
    if (verdict.allowed === 'pause') {
      headline = `${suggests}; ${requirementClause(training, 'before further training')}.`;
    } else if (verdict.allowed === 'restrict') {
      headline = `${suggests}; ${requirementClause(deployment, 'before full release')}. Until then it allows only a restricted release.`;
    } else {
      headline = `${suggests}; your safeguards meet what your policy requires at this level: it allows full deployment.`;
    }
    const rule = ruleSentence(view, verdict.allowed);
    if (rule) headline = `${headline} ${rule}`;
  }

  const details: string[] = [...measurementLines(scenario, view, buffer)];
  const audit = auditOf(view);
  if (audit) {
    const values = view.domains
      .map((d) => `${domainName(scenario, d)} ${percent(audit.measured[d] ?? 0)}`)
      .join(', ');
    details.push(
      `An external audit in quarter ${audit.round} measured ${values} (give or take ${points(2 * audit.uncertainty)}). Your policy counts what the audit found, even where your own evals show less.`,
    );
  } else if (level && result && domainsReached(level, view, buffer, result).length === 0) {
    details.push(
      'Your policy counts what an external audit found, even where your own later evals show less.',
    );
  }
  const alert = alertLine(view);
  if (alert) details.push(alert);
  if (buffer > 0) {
    details.push(
      `Your policy counts a result within ${points(buffer)} of a threshold as reaching it (a safety buffer), to allow for measurement error.`,
    );
  }
  details.push(stalenessLine(view));
  if (result) {
    details.push(
      `Your evals’ sensitivity is ${percent(result.sensitivity)}: the lower it is, the more they under-measure. Spending on evals raises it.`,
    );
  }
  details.push(UNDER_MEASURE);
  for (const track of SAFEGUARD_TRACKS) {
    const gaps = verdict.shortfalls.filter((s) => s.track === track);
    const first = gaps[0];
    if (!first) continue;
    const purpose = (g: Shortfall) =>
      g.gates === 'training' ? 'to keep training' : 'to release fully';
    const needs = gaps.every((g) => g.required === first.required)
      ? `${percent(first.required)} ${gaps.map(purpose).join(' and ')}`
      : gaps.map((g) => `${percent(g.required)} ${purpose(g)}`).join(' and ');
    details.push(
      `${capitalise(TRACK_NAMES[track])} (${TRACK_MEANINGS[track]}): ${percent(first.readiness)} ready; at this level your policy requires ${needs}.`,
    );
  }
  const revised = revisionLine(scenario, view);
  if (revised) details.push(revised);
  details.push(enforcementLine(view));

  return {
    allowed: view.self.allowedPosture,
    headline,
    details,
    shortfalls: verdict.shortfalls,
    knownLevel: level,
  };
}
