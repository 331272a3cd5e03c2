// Open weights
//
// A lab that releases its models' weights for anyone to download and run, arguing that openness
// lets the whole world study, check and build on them. Once weights are out they cannot be
// recalled, so in this game an open release counts as a full deployment. Guarding the weights
// against theft buys little when they are published anyway, but it still measures what its
// models can do and says so in public.
//
// Each quarter it:
// 1. Deploys fully (an open release), whatever its own policy allows.
// 2. Puts 55% of the budget into capabilities, 15% into evaluations and only 3% into weight
//    security; the remaining 27% goes to deployment mitigations and alignment, most to whichever
//    is furthest from what its ladder requires.
// 3. Publishes its eval results.
// 4. Never revises its policy and takes no part in pause agreements (it neither joins nor
//    leaves one).

import type { LabView, LabDecision, PolicyAction } from '../types';
import { splitBudget } from './building-blocks';

export function openWeights(view: LabView): LabDecision {
  const budget = splitBudget(view, { capabilities: 0.55, evals: 0.15, security: 0.03 });

  const actions: PolicyAction[] = [];
  if (!view.self.policy.publishesEvals) actions.push({ kind: 'publishEvals', publish: true });

  return { posture: 'deploy', budget, actions };
}
