// allowedPosture (the engine's hot path) reads the three safeguard tracks by name; it must say
// exactly what commitmentVerdict says from the requirements' own entries, whichever tracks a level
// requires (none, some, all) and whatever the readiness, equal values included.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedPosture, commitmentVerdict } from '../../src/engine/commitments';
import type { LevelSpec, SafeguardTrack, TrackValues } from '../../src/engine/types';

// A few values only, so requirements and readiness often tie (a tie meets the requirement).
const share = fc.constantFrom(0, 0.2, 0.5, 0.8, 1);
const requirement: fc.Arbitrary<TrackValues> = fc.record(
  { security: share, deployment: share, alignment: share },
  { requiredKeys: [] },
);
const safeguards: fc.Arbitrary<Record<SafeguardTrack, number>> = fc.record({
  security: share,
  deployment: share,
  alignment: share,
});
const ladder: fc.Arbitrary<LevelSpec[]> = fc
  .array(fc.tuple(requirement, requirement), { minLength: 1, maxLength: 3 })
  .map((levels) =>
    levels.map(([training, deployment], i) => ({
      id: `L${i}`,
      name: `Level ${i}`,
      description: '',
      thresholds: { cyber: 0.5 },
      trainingRequires: training,
      deploymentRequires: deployment,
    })),
  );

describe('allowedPosture', () => {
  it('is the posture commitmentVerdict allows, for any requirements and readiness', () => {
    fc.assert(
      fc.property(ladder, safeguards, fc.integer({ min: -1, max: 3 }), (levels, s, known) => {
        expect(allowedPosture(levels, known, s)).toBe(commitmentVerdict(levels, known, s).allowed);
      }),
      { numRuns: 500 },
    );
  });

  it('pauses on a training shortfall before looking at deployment', () => {
    const level: LevelSpec = {
      id: 'L0',
      name: 'Level 0',
      description: '',
      thresholds: { cyber: 0.5 },
      trainingRequires: { alignment: 0.6 },
      deploymentRequires: { deployment: 0.9 },
    };
    const ready = { security: 1, deployment: 0.5, alignment: 0.6 };
    expect(allowedPosture([level], 0, ready)).toBe('restrict');
    expect(allowedPosture([level], 0, { ...ready, alignment: 0.59 })).toBe('pause');
    expect(allowedPosture([level], 0, { ...ready, deployment: 0.9 })).toBe('deploy');
  });
});
