// What choosing a posture would do this quarter, in words: the commitment first, then training,
// release, risk and market, quoted from the same tables and parameters the round uses.

import { percent } from '../engine/numbers';
import { resolveDynamics } from '../engine/parameters';
import { morePermissive, POSTURE_RULES, RELEASE_RULES, stopsTraining } from '../engine/postures';
import type { LabView, Posture, Scenario } from '../engine/types';

/**
 * What choosing a posture does this quarter, in plain words: to training, release, revenue and
 * risk (with the scenario's own dynamics), and whether it goes past the lab's own commitment.
 *
 * `breaksCommitment` is true when choosing this posture would be recorded as breaking the lab's
 * own commitment. Under a binding policy or binding regulation the engine holds the lab back
 * instead, so it is false there and the summary says what the lab will be held to.
 */
export function postureConsequences(
  scenario: Scenario,
  view: LabView,
  posture: Posture,
): { summary: string; effects: string[]; breaksCommitment: boolean } {
  const p = resolveDynamics(scenario.dynamics);
  const self = view.self;
  const allowed = self.allowedPosture;
  const goesPast = morePermissive(posture, allowed);
  const heldBy = !goesPast
    ? null
    : self.policy.binding
      ? 'policy'
      : view.regulation >= 2
        ? 'regulator'
        : null;
  const breaksCommitment = goesPast && heldBy === null;
  const effects: string[] = [];
  const rules = POSTURE_RULES[posture];

  // Commitment first: it is what the player most needs to see.
  if (heldBy === 'policy') {
    effects.push(`Your policy is binding: the engine will hold you to ${allowed}.`);
  } else if (heldBy === 'regulator') {
    effects.push(
      `Binding rules are in force: the regulator will hold you to ${allowed}, as your policy says.`,
    );
  } else if (breaksCommitment) {
    effects.push(
      `Your policy says ${allowed}: ${rules.words.asSubject} breaks your own commitment. The policy is voluntary, so you may — but it is recorded, and audits or published evals can expose it.`,
    );
    if (self.policy.publishesEvals) {
      effects.push(
        'You publish your eval results, so the breach will be visible at once and cost you reputation.',
      );
    }
  } else if (self.knownLevel !== null) {
    effects.push(
      morePermissive(allowed, posture)
        ? `This keeps your commitment, with room to spare: your policy allows ${allowed}.`
        : 'This keeps your commitment; keeping it earns a little reputation.',
    );
  }

  // Training.
  if (rules.training === 'paused') {
    effects.push(
      'Your model gains no capability this quarter. Your budget still goes to safeguards and evals, so this is time to catch up.',
    );
  } else {
    effects.push(
      'Training continues: the model gets more capable, and may cross a threshold before your next evals show it.',
    );
  }

  // Release and revenue.
  const share = percent(self.marketShare);
  if (rules.release === null) {
    effects.push(
      self.deployment === 'none'
        ? `Revenue: you have no model on the market, so your market share (now ${share}) drifts to rivals who sell one.`
        : `Revenue: the model you already have on the market stays as it is (${self.deployment === 'full' ? 'released to everyone' : 'restricted'}); it keeps earning but falls behind rivals who ship newer models.`,
    );
  } else if (rules.release === 'restricted') {
    effects.push(
      `Revenue: a restricted release earns about ${percent(RELEASE_RULES.restricted.access(p))} of what a full release would.`,
    );
  } else {
    effects.push(
      `Revenue: the most you can earn — market share (now ${share}) follows what customers can use, and a full release gives them everything.`,
    );
  }

  // Risk.
  const deploymentReady = percent(self.safeguards.deployment);
  if (rules.release === null) {
    effects.push(
      'Misuse risk: no new capability reaches users; whatever is already on the market carries the risk it did.',
    );
  }
  if (stopsTraining(posture)) {
    effects.push(
      'Loss-of-control risk from the model in internal use is halved while training is stopped.',
    );
  }
  if (rules.release === 'restricted') {
    effects.push(
      `Misuse risk: about ${percent(RELEASE_RULES.restricted.breadth(p))} of a full release’s, because far fewer people can reach the model and use is monitored; your deployment safeguards (${deploymentReady} ready) cover the rest.`,
    );
  } else if (rules.release === 'full') {
    effects.push(
      `Misuse risk: full exposure — everyone can reach the model, and only your deployment safeguards (${deploymentReady} ready) stand in the way.`,
    );
  }
  effects.push(
    `Weight-theft risk depends on how capable the model is and on your security (${percent(self.safeguards.security)} ready), whatever you choose.`,
  );

  if (self.policy.inPauseAgreement) {
    effects.push(
      'You are in the conditional pause agreement: if any member’s evals show a threshold without the safeguards to keep training, every member is held to pause.',
    );
  }
  if (rules.release !== 'full' && self.boardPressure > 0.6) {
    effects.push(
      `Your board is already pressing to move faster (pressure ${percent(self.boardPressure)}); holding back while rivals sell will add to it.`,
    );
  }

  let summary = rules.words.summary;
  if (heldBy) summary += ` ${effects[0]}`;
  else if (breaksCommitment)
    summary += ` This breaks your own commitment: your policy says ${allowed}.`;
  return { summary, effects, breaksCommitment };
}
