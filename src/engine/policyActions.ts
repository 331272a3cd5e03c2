import { clamp01 } from './numbers';
import { labNews } from './news';
import type { LabState, NewsItem, PolicyAction } from './types';

export const AUDIT_COST = 5;
/** Reputation lost when a lab publicly loosens a threshold; gained when it tightens one. */
export const PUBLIC_LOOSENING_COST = 0.03;
export const LEAVING_PACT_COST = 0.04;

export interface ActionOutcome {
  news: NewsItem[];
  auditRequested: boolean;
}

/**
 * Apply a lab's policy actions for the quarter (mutates the lab copy it is given).
 * Revisions change the lab's own ladder only: the real danger does not move with the policy.
 */
export function applyPolicyActions(
  lab: LabState,
  actions: readonly PolicyAction[],
  round: number,
): ActionOutcome {
  const news: NewsItem[] = [];
  let auditRequested = false;
  for (const action of actions) {
    switch (action.kind) {
      case 'reviseThreshold': {
        const level = lab.policy.levels.find((l) => l.id === action.levelId);
        const from = level?.thresholds[action.domain];
        if (!level || from === undefined || from === action.to) break;
        const to = Math.min(1, Math.max(0, action.to));
        lab.policy.levels = lab.policy.levels.map((l) =>
          l === level ? { ...l, thresholds: { ...l.thresholds, [action.domain]: to } } : l,
        );
        lab.policy.revisions.push({
          round,
          levelId: level.id,
          domain: action.domain,
          from,
          to,
          publicly: action.publicly,
          exposed: action.publicly,
        });
        if (action.publicly) {
          const loosened = to > from;
          lab.reputation = clamp01(lab.reputation + (loosened ? -PUBLIC_LOOSENING_COST : 0.02));
          news.push(
            labNews(round, lab.id, {
              kind: 'revision',
              levelId: level.id,
              domain: action.domain,
              from,
              to,
            }),
          );
        }
        break;
      }
      case 'inviteAudit':
        auditRequested = true;
        break;
      case 'joinPauseAgreement':
        if (!lab.policy.inPauseAgreement) {
          lab.policy.inPauseAgreement = true;
          news.push(labNews(round, lab.id, { kind: 'pause', what: 'joined' }));
        }
        break;
      case 'leavePauseAgreement':
        if (lab.policy.inPauseAgreement) {
          lab.policy.inPauseAgreement = false;
          lab.reputation = clamp01(lab.reputation - LEAVING_PACT_COST);
          news.push(labNews(round, lab.id, { kind: 'pause', what: 'left' }));
        }
        break;
      case 'publishEvals':
        lab.policy.publishesEvals = action.publish;
        break;
    }
  }
  return { news, auditRequested };
}
