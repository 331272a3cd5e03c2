// Validated directions of the main model: safeguards, hazards and strategies (expectations V6,
// V7 and V11 in MODEL.md). Same seeds in both arms; decision rule in decision.ts.

import { describe } from 'vitest';
import { expectDirection } from './checks';
import {
  catastrophe,
  compare,
  playArm,
  regulatorHalt,
  rspArms,
  withSettings,
  withStrategy,
  type GameFacts,
} from './harness';

const { rsp, arm, N, base } = rspArms();
const incidents = (g: GameFacts): number => g.incidents;

// V6. Costlier safeguards mean more incidents and more catastrophes. The frameworks' premise:
// safeguards that "sufficiently minimize" risk (OpenAI PF v2), required safeguards before
// training or deployment (RSP v2); DESIGN.md: risk comes from the gap between capability and
// safeguards.
describe('V6 safeguard cost 1 → 3 (anthropic-rsp)', () => {
  const costly = arm('cost-3', () => playArm(withSettings(rsp, { safeguardCost: 3 }), N));
  expectDirection('catastrophe', 'up', compare(base(), costly, catastrophe));
  expectDirection('incidents per game', 'up', compare(base(), costly, incidents), false);
});

// V7. Larger hazards mean more incidents (the model's definition of each hazard, DESIGN.md's
// risk model), and for misuse and loss of control more catastrophes. A stolen model is misused
// as well, but weight theft is itself a serious incident, so more theft also brings the
// regulator's moratorium sooner: its catastrophe rate is not monotone and is not checked.
describe('V7 hazards doubled (anthropic-rsp)', () => {
  describe('misuse hazard 0.1 → 0.2', () => {
    const more = arm('misuse', () => playArm(withSettings(rsp, { misuseHazard: 0.2 }), N));
    expectDirection('catastrophe', 'up', compare(base(), more, catastrophe));
    expectDirection('incidents per game', 'up', compare(base(), more, incidents), false);
  });
  describe('loss-of-control hazard 0.1 → 0.2', () => {
    const more = arm('control', () => playArm(withSettings(rsp, { lossOfControlHazard: 0.2 }), N));
    expectDirection('catastrophe', 'up', compare(base(), more, catastrophe));
    expectDirection('incidents per game', 'up', compare(base(), more, incidents), false);
  });
  describe('weight-theft hazard 0.06 → 0.12', () => {
    const more = arm('theft', () => playArm(withSettings(rsp, { theftHazard: 0.12 }), N));
    expectDirection('incidents per game', 'up', compare(base(), more, incidents), false);
    expectDirection('regulator moratorium', 'up', compare(base(), more, regulatorHalt));
  });
});

// V11. A lab that keeps its policy instead of racing lowers the risk for everyone. The seeds'
// critique of racing ("the race-to-deploy dynamic where labs ship increasingly powerful models
// without adequate safety testing"); Armstrong, Bostrom & Shulman (2016): less safety, more
// disaster.
describe('V11 the race-to-deploy rival plays another strategy (anthropic-rsp)', () => {
  const safety = arm('safety-first', () =>
    playArm(withStrategy(rsp, 'race-to-deploy', 'safety-first'), N),
  );
  const pauser = arm('conditional-pauser', () =>
    playArm(withStrategy(rsp, 'race-to-deploy', 'conditional-pauser'), N),
  );
  expectDirection('catastrophe, as safety-first', 'down', compare(base(), safety, catastrophe));
  expectDirection(
    'catastrophe, as conditional pauser',
    'down',
    compare(base(), pauser, catastrophe),
  );
});
