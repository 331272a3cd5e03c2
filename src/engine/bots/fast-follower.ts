// Fast follower
//
// A lab that does not want to be first to release a frontier model, but will not be left behind
// either. It waits for someone else to move, then follows quickly. Its policy holds in ordinary
// times; it bends when the board is pushing hard and a rival has already shipped — the
// situation OpenAI's Preparedness Framework v2 (2025) anticipates in its "competitor clause".
//
// Each quarter it:
// 1. Restricts (deploys with limits) until a rival has deployed, restricted or fully; after that
//    it deploys fully too.
// 2. Keeps its commitment: never more permissive than its own policy allows …
// 3. … unless its board pressure is high (above 0.6) and a rival is fully deployed. Then it
//    deploys anyway, breaking its commitment if the policy said pause or restrict.
// 4. Spends moderately on safeguards: 40% of the budget on capabilities (15% while paused),
//    10% on evaluations, the rest on safeguards, most where it is furthest from what its ladder
//    requires.
// It takes no policy actions: it neither publishes evals nor joins agreements on its own.

import type { LabView, LabDecision, Posture } from '../types';
import {
  HIGH_BOARD_PRESSURE,
  aRivalHasDeployed,
  noMorePermissiveThan,
  splitBudget,
} from './building-blocks';

export function fastFollower(view: LabView): LabDecision {
  const wanted: Posture = aRivalHasDeployed(view) ? 'deploy' : 'restrict';

  const boardForcesCatchUp =
    view.self.boardPressure > HIGH_BOARD_PRESSURE && aRivalHasDeployed(view, ['full']);

  const posture = boardForcesCatchUp
    ? 'deploy'
    : noMorePermissiveThan(wanted, view.self.allowedPosture);

  const budget = splitBudget(view, {
    capabilities: posture === 'pause' ? 0.15 : 0.4,
    evals: 0.1,
  });

  return { posture, budget, actions: [] };
}
