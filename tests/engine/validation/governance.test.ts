// Validated directions of the main model: regulation, binding commitments, competition and the
// pause agreement (expectations V8–V10 and V12 in MODEL.md), and the settings that are flat by
// construction with the shipped bots. Same seeds in both arms; decision rule in decision.ts.

import { describe, expect, it } from 'vitest';
import { runGames } from '../../../src/engine/batch/runBatch';
import { expectDirection } from './checks';
import {
  anyBroken,
  anyPause,
  catastrophe,
  compare,
  playArm,
  regulatorHalt,
  SEED,
  rspArms,
  withSettings,
  type GameFacts,
} from './harness';

const { rsp, arm, N, base } = rspArms();
const pausedShare = (g: GameFacts): number => g.pausedShare;

// V8. A faster regulator halts more games and holds labs back more. Seeds: "whether voluntary
// policies are sufficient or whether binding regulation is needed ... depends on whether
// incidents occur before regulation catches up"; binding rules after incidents (EU GPAI Code of
// Practice 2025, California SB 53). Its effect on catastrophes is small and not checked (MODEL.md).
describe('V8 regulation lag 2 → 8 quarters (anthropic-rsp)', () => {
  const slow = arm('lag-8', () => playArm(withSettings(rsp, { regulationLag: 8 }), N));
  expectDirection('regulator moratorium', 'down', compare(base(), slow, regulatorHalt));
  expectDirection('share of lab-quarters paused', 'down', compare(base(), slow, pausedShare));
});

// V9. Binding commitments mean fewer catastrophes, more pauses and no broken commitments. The
// seeds' critique that voluntary policies "lack enforcement mechanisms"; the Seoul commitments
// (not to develop or deploy at all if mitigations cannot keep risk below the thresholds).
describe('V9 share of labs with binding commitments 0 → 1 (anthropic-rsp)', () => {
  const binding = arm('binding', () => playArm(withSettings(rsp, { bindingShare: 1 }), N));
  expectDirection('catastrophe', 'down', compare(base(), binding, catastrophe));
  expectDirection('any pause', 'up', compare(base(), binding, anyPause));
  expectDirection('any commitment broken', 'down', compare(base(), binding, anyBroken));
});

// V10. More competitive pressure means less pausing, more quiet loosening of commitments and
// earlier deployment of the most capable models. Seeds: "'Pause' depends on a lab choosing to halt
// under competitive pressure", "some revisions have loosened commitments"; RSP v3's rationale;
// OpenAI's competitor clause (PF v2).
describe('V10 competitive pressure 1 → 3 (anthropic-rsp)', () => {
  const fierce = arm('pressure-3', () => playArm(withSettings(rsp, { competitivePressure: 3 }), N));
  expectDirection('share of lab-quarters paused', 'down', compare(base(), fierce, pausedShare));
  expectDirection(
    'thresholds quietly loosened per game',
    'up',
    compare(base(), fierce, (g) => g.quietRevisions),
    false,
  );
  expectDirection(
    'quarter of the first full deployment of a top-level model',
    'down',
    compare(base(), fierce, (g) => g.topLevelDeployment),
    false,
  );
});

// V12. A pause agreement that the racer does not keep makes its members pause and hands market
// share to the racer. DeepMind FSF v2 (some mitigations only work industry-wide); RSP v3's stated
// rationale: "unilateral pauses do not help if others race on". Its effect on catastrophes is
// flat at this calibration and not checked (MODEL.md).
describe('V12 pause-agreement membership 0 → 1 (anthropic-rsp; race-to-deploy leaves at once)', () => {
  const members = arm('members', () => playArm(withSettings(rsp, { pauseMembership: 1 }), N));
  expectDirection('share of lab-quarters paused', 'up', compare(base(), members, pausedShare));
  expectDirection(
    "race-to-deploy's final market share",
    'up',
    compare(base(), members, (g) => g.shareByStrategy['race-to-deploy'] ?? 0),
  );
});

// Flat by construction with the shipped bots (MODEL.md, "What is not validated"): no bot reads
// rivals' announcements or published evals, and every bot funds every safeguard track every
// quarter, so these settings change no bot game at all. If a bot starts to read them, these
// tests fail and MODEL.md needs updating.
describe('settings with no effect path in bot games (anthropic-rsp)', () => {
  const runs = { runs: 100, seed: SEED };
  it('information about rivals: none and published evals give identical games', () => {
    const none = runGames(withSettings(rsp, { information: 0 }), runs);
    expect(runGames(withSettings(rsp, { information: 2 }), runs)).toEqual(none);
  });
  it('safeguard decay 0 and 0.2 give identical games', () => {
    const none = runGames(withSettings(rsp, { safeguardDecay: 0 }), runs);
    expect(runGames(withSettings(rsp, { safeguardDecay: 0.2 }), runs)).toEqual(none);
  });
});
