import fc from 'fast-check';
import type { LabDecision, PolicyAction } from '../../src/engine/types';

/** A random but valid decision: any posture, any budget split, a few policy actions. */
export const arbitraryDecision: fc.Arbitrary<LabDecision> = fc
  .record({
    posture: fc.constantFrom('pause', 'restrict', 'deploy'),
    weights: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 5, maxLength: 5 }),
    actions: fc.array(
      fc.oneof(
        fc.constant<PolicyAction>({ kind: 'inviteAudit' }),
        fc.constant<PolicyAction>({ kind: 'joinPauseAgreement' }),
        fc.constant<PolicyAction>({ kind: 'leavePauseAgreement' }),
        fc.boolean().map<PolicyAction>((publish) => ({ kind: 'publishEvals', publish })),
        fc
          .record({ to: fc.double({ min: 0, max: 1, noNaN: true }), publicly: fc.boolean() })
          .map<PolicyAction>(({ to, publicly }) => ({
            kind: 'reviseThreshold',
            levelId: 'L3',
            domain: 'cbrn',
            to,
            publicly,
          })),
      ),
      { maxLength: 2 },
    ),
  })
  .map(({ posture, weights, actions }) => {
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const w = weights.map((x) => (total === 0 ? 0.2 : x / total));
    return {
      posture,
      budget: {
        capabilities: w[0] ?? 0.2,
        security: w[1] ?? 0.2,
        deployment: w[2] ?? 0.2,
        alignment: w[3] ?? 0.2,
        evals: w[4] ?? 0.2,
      },
      actions,
    } as LabDecision;
  });
