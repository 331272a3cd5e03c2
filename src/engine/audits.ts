import { evaluateLab } from './evaluation';
import { knownLevelIndex, undoRevisions } from './knowledge';
import { domainIds } from './labs';
import { labNews } from './news';
import { clamp01 } from './numbers';
import type { Rng } from './rng';
import type { LabState, NewsItem, Scenario } from './types';

/** A third-party evaluator elicits far more than the lab's own evals. */
export const AUDITOR_SENSITIVITY = 0.9;
export const EXPOSURE_REPUTATION_LOSS = 0.1;

export interface AuditResult {
  news: NewsItem[];
  /** Breaches and quiet revisions brought to light. */
  exposures: number;
}

/**
 * Expose what a lab has hidden: broken commitments and quiet revisions. Used by audits and
 * whistleblowers. Mutates the lab copy it is given.
 */
export function exposeHidden(
  lab: LabState,
  round: number,
  by: 'audit' | 'whistleblower',
  text = true,
): AuditResult {
  const quiet = lab.policy.revisions.filter((r) => !r.exposed);
  const exposures = lab.hiddenBreaches + quiet.length;
  const news: NewsItem[] = [];
  if (exposures === 0) return { news, exposures };
  // A quiet revision brought to light is undone: the lab is held to its ladder as registered.
  if (quiet.length > 0) lab.policy.levels = undoRevisions(lab.policy.levels, quiet);
  lab.policy.revisions = lab.policy.revisions.map((r) =>
    r.exposed ? r : { ...r, exposed: true, reverted: true },
  );
  const hiddenBreaches = lab.hiddenBreaches;
  lab.hiddenBreaches = 0;
  lab.reputation = clamp01(lab.reputation - EXPOSURE_REPUTATION_LOSS * exposures);
  if (!text) return { news, exposures };
  news.push(
    labNews(round, lab.id, {
      kind: 'audit',
      what: 'exposed',
      by,
      breaches: hiddenBreaches,
      quietRevisions: quiet.length,
    }),
  );
  return { news, exposures };
}

/**
 * A third-party audit: an independent, high-sensitivity capability assessment (which replaces the
 * lab then knows, so a missed crossing can be caught) plus exposure of anything hidden. Without
 * `text` (batch games) the same audit writes no news.
 */
export function auditLab(
  lab: LabState,
  scenario: Scenario,
  round: number,
  rng: Rng,
  text = true,
): AuditResult {
  const before = knownLevelIndex(lab, scenario);
  lab.lastAudit = evaluateLab(
    lab.capability,
    domainIds(scenario),
    scenario.evaluation,
    AUDITOR_SENSITIVITY,
    round,
    rng,
  );
  const after = knownLevelIndex(lab, scenario);
  const result = exposeHidden(lab, round, 'audit', text);
  if (after > before) {
    if (!text) return result;
    const level = lab.policy.levels[after];
    if (level) {
      result.news.push(
        labNews(round, lab.id, { kind: 'audit', what: 'higherLevel', levelId: level.id }),
      );
    }
  } else if (result.exposures === 0) {
    lab.reputation = clamp01(lab.reputation + 0.03);
    if (!text) return result;
    result.news.push(labNews(round, lab.id, { kind: 'audit', what: 'clean' }));
  }
  return result;
}
