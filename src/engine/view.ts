import { allowedPosture } from './commitments';
import { knownLevelIndex } from './knowledge';
import { labPolicy } from './policies';
import { policyPosture } from './policyRules';
import { DEFAULT_DYNAMICS } from './parameters';
import { pauseAgreementStatus } from './pauseAgreement';
import type { GameState, LabView, NewsItem, RivalSignal, Scenario } from './types';

/**
 * What one lab can see. Its own evals and safeguards, never its true capability; of rivals, only
 * what the scenario's information regime reveals.
 */
export function labView(state: GameState, scenario: Scenario, labId: string): LabView {
  const lab = state.labs.find((l) => l.id === labId);
  if (!lab) throw new Error(`Unknown lab "${labId}"`);
  const known = knownLevelIndex(lab, scenario);
  const rivals: RivalSignal[] = state.labs
    .filter((l) => l.id !== labId)
    .map((r) => {
      const announced = scenario.information !== 'none';
      // An unpublished policy's levels are never announced.
      const theirPolicy = labPolicy(scenario, r.id).policy;
      const announcesLevels = announced && theirPolicy.public;
      const published = scenario.information === 'published' && r.policy.publishesEvals;
      const theirLevel = knownLevelIndex(r, scenario);
      const level = announcesLevels && theirLevel >= 0 ? r.policy.levels[theirLevel] : undefined;
      return {
        id: r.id,
        name: r.name,
        deployment: r.deployment,
        training: announced ? r.training : null,
        marketShare: r.marketShare,
        reputation: r.reputation,
        inPauseAgreement: r.policy.inPauseAgreement,
        publishedEval: published ? r.lastEval : null,
        announcedLevel: level?.id ?? null,
        announcedFloor: level ? Math.min(...Object.values(level.thresholds)) : null,
        announcedLevelName: level?.name ?? null,
        policyName: theirPolicy.name,
        lastDefection: r.lastDefection,
      };
    });
  const agreement = pauseAgreementStatus(
    state.labs,
    scenario,
    scenario.dynamics.pauseAgreementMinimum ?? DEFAULT_DYNAMICS.pauseAgreementMinimum,
  );
  const { policy, evaluation } = labPolicy(scenario, labId);
  const view: LabView = {
    round: state.round,
    totalRounds: state.totalRounds,
    self: {
      id: lab.id,
      budget: lab.budget,
      lastEval: lab.lastEval,
      lastAudit: lab.lastAudit,
      safeguards: lab.safeguards,
      training: lab.training,
      deployment: lab.deployment,
      reputation: lab.reputation,
      marketShare: lab.marketShare,
      boardPressure: lab.boardPressure,
      policy: lab.policy,
      knownLevel: known >= 0 ? (lab.policy.levels[known]?.id ?? null) : null,
      allowedPosture: allowedPosture(lab.policy.levels, known, lab.safeguards),
    },
    rivals,
    publicTrust: state.world.publicTrust,
    regulation: state.world.regulation,
    pauseAgreementActive: agreement.active,
    pauseAgreementTriggered: agreement.triggered,
    recentIncidents: state.history.at(-1)?.incidents ?? [],
    stolenModels: state.world.stolenModels.length,
    safetyBuffer: evaluation.safetyBuffer,
    rules: policy,
    levels: lab.policy.levels,
    domains: scenario.domains.map((d) => d.id),
  };
  // The ladder's verdict, then what the policy's own rules make of it (they read the view).
  view.self.allowedPosture = policyPosture(view.self.allowedPosture, policy, () => view);
  return view;
}

/** News only the lab it concerns hears: its board's pressure, its own researchers' reports. */
const PRIVATE_NEWS: ReadonlySet<NewsItem['kind']> = new Set(['board', 'evals']);

/** Whether the whole room may see a news item (the projector shows only these). */
export function isPublicNews(item: NewsItem): boolean {
  return !PRIVATE_NEWS.has(item.kind);
}

/** The news one lab may see (a workshop team must not read another team's private news). */
export function newsVisibleTo(news: readonly NewsItem[], labId: string): NewsItem[] {
  return news.filter((n) => isPublicNews(n) || n.lab === labId);
}
