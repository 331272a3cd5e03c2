// Drift: what a team's lab did against the policy it wrote (src/engine/workshop/drift.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../../src/engine/game';
import { morePermissive } from '../../../src/engine/postures';
import type { GameState, LabDecision, PolicyAction, Scenario } from '../../../src/engine/types';
import { driftOf } from '../../../src/engine/workshop/drift';
import { labPolicy } from '../../../src/engine/policies';
import { firstDrafts, withTeamPolicies } from '../../../src/engine/workshop/teamPolicies';
import { LAB_A, LAB_B, SCENARIO, TEAMS, dec } from './helpers';

const OWN: Scenario = withTeamPolicies(SCENARIO, firstDrafts(SCENARIO, TEAMS));
const humans = [LAB_A, LAB_B];
/** All in on capabilities: safeguards fall behind the levels the lab reaches. */
const RACING = { capabilities: 0.85, security: 0, deployment: 0, alignment: 0, evals: 0.15 };

/**
 * Play `quarters` quarters; each team's posture is the most permissive its policy allows that
 * quarter (read by trying the quarter once), or whatever `choose` says.
 */
function play(
  seed: number,
  quarters: number,
  choose: (q: number, lab: string, allowed: LabDecision['posture']) => LabDecision,
): GameState {
  let state = createGame(OWN, { seed, humans });
  for (let q = 1; q <= quarters && !state.outcome; q++) {
    const probe = advanceGame(state, OWN, { [LAB_A]: dec('deploy'), [LAB_B]: dec('deploy') });
    const allowed = (lab: string) =>
      probe.history.at(-1)?.labs.find((r) => r.lab === lab)?.allowedPosture ?? 'deploy';
    state = advanceGame(state, OWN, {
      [LAB_A]: choose(q, LAB_A, allowed(LAB_A)),
      [LAB_B]: choose(q, LAB_B, allowed(LAB_B)),
    });
  }
  return state;
}

describe('drift', () => {
  it('is zero for a team that does what its policy allows every quarter', () => {
    let heldBack = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const state = play(seed, OWN.rounds, (_q, _lab, allowed) => {
          if (allowed !== 'deploy') heldBack++;
          return { ...dec(allowed), budget: RACING };
        });
        for (const lab of humans) {
          const drift = driftOf(OWN, state, lab);
          expect(drift.broken).toEqual([]);
          expect(drift.quarters).toBe(state.history.length);
        }
      }),
      { numRuns: 12 },
    );
    // The policies did hold these teams back (the property is not met by never reaching a level).
    expect(heldBack).toBeGreaterThan(0);
  });

  it('counts every quarter a team went past its policy, naming the level and the rule', () => {
    let seen = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const state = play(seed, OWN.rounds, () => ({ ...dec('deploy'), budget: RACING }));
        const drift = driftOf(OWN, state, LAB_A);
        const brokenRows = state.history.filter(
          (r) => r.labs.find((l) => l.lab === LAB_A)?.compliance === 'broken',
        );
        expect(drift.broken.map((b) => b.round)).toEqual(brokenRows.map((r) => r.round));
        seen += drift.broken.length;
        for (const b of drift.broken) {
          expect(morePermissive(b.took, b.allowed)).toBe(true);
          expect(b.whenShort).toBe(labPolicy(OWN, LAB_A).policy.whenShort);
        }
      }),
      { numRuns: 8 },
    );
    // Racing to full release past its own levels does break the policy in these games.
    expect(seen).toBeGreaterThan(0);
  });

  it('never counts a quiet revision as public, even once it is brought to light', () => {
    const level = OWN.policies.find((p) => p.id === `team-${LAB_A}`)!.levels[0]!;
    const domain = Object.keys(level.thresholds)[0] as PolicyAction extends { domain: infer D }
      ? D
      : never;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(
          fc.record({
            publicly: fc.boolean(),
            to: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (seed, revisions) => {
          const state = play(seed, revisions.length, (q, lab, allowed) => {
            const r = revisions[q - 1];
            const actions: PolicyAction[] =
              lab === LAB_A && r
                ? [
                    {
                      kind: 'reviseThreshold',
                      levelId: level.id,
                      domain,
                      to: r.to,
                      publicly: r.publicly,
                    },
                    { kind: 'inviteAudit' },
                  ]
                : [];
            return dec(allowed, actions);
          });
          const drift = driftOf(OWN, state, LAB_A);
          expect(drift.publicRevisions + drift.quietRevisions).toBe(drift.revisions.length);
          expect(drift.quietRevisions).toBe(drift.revisions.filter((r) => !r.publicly).length);
          expect(drift.quietExposed).toBeLessThanOrEqual(drift.quietRevisions);
          const quietMade = revisions.filter((r) => !r.publicly).length;
          expect(drift.quietRevisions).toBeLessThanOrEqual(quietMade);
          expect(drift.publicRevisions).toBeLessThanOrEqual(revisions.length - quietMade);
          if (quietMade === revisions.length) expect(drift.publicRevisions).toBe(0);
          expect(driftOf(OWN, state, LAB_B).revisions).toEqual([]);
        },
      ),
      { numRuns: 15 },
    );
  });
});
