import { describe, expect, it } from 'vitest';
import { noMorePermissiveThan, postureRank } from '../../src/engine/bots/building-blocks';
import { DEFAULT_DYNAMICS } from '../../src/engine/parameters';
import { productValue } from '../../src/engine/market';
import {
  leastPermissive,
  morePermissive,
  POSTURE_RULES,
  RELEASE_RULES,
  postureRules,
  releaseRules,
} from '../../src/engine/postures';
import { deploymentBreadth } from '../../src/engine/risk';
import { POSTURES } from '../../src/engine/types';

describe('the posture table', () => {
  it('lists the postures from the most cautious to the most permissive', () => {
    const ranks = POSTURES.map((p) => POSTURE_RULES[p].rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(POSTURES.length);
  });

  it('gives the hot paths the rows of the table itself, whichever posture or release status', () => {
    for (const p of POSTURES) expect(postureRules(p)).toBe(POSTURE_RULES[p]);
    for (const status of Object.keys(RELEASE_RULES) as (keyof typeof RELEASE_RULES)[])
      expect(releaseRules(status)).toBe(RELEASE_RULES[status]);
  });

  it('is the one ranking commitments and bots compare postures by', () => {
    for (const a of POSTURES) {
      expect(postureRank(a)).toBe(POSTURE_RULES[a].rank);
      for (const b of POSTURES) {
        expect(noMorePermissiveThan(a, b)).toBe(leastPermissive(a, b));
        expect(morePermissive(a, b)).toBe(POSTURE_RULES[a].rank > POSTURE_RULES[b].rank);
      }
    }
  });

  it('gives every posture a distinct name and a summary that starts with it', () => {
    const names = POSTURES.map((p) => POSTURE_RULES[p].words.name);
    expect(new Set(names).size).toBe(names.length);
    for (const p of POSTURES) {
      expect(POSTURE_RULES[p].words.summary.startsWith(`${POSTURE_RULES[p].words.name}: `)).toBe(
        true,
      );
    }
  });

  it('drives the hazards’ breadth and the market’s access from the release status', () => {
    const p = { ...DEFAULT_DYNAMICS, restrictedBreadth: 0.3, restrictedValue: 0.6 };
    expect(deploymentBreadth('none', p)).toBe(0);
    expect(deploymentBreadth('restricted', p)).toBe(0.3);
    expect(deploymentBreadth('full', p)).toBe(1);
    const lab = { deployedCapability: { cbrn: 0.5 }, reputation: 1, marketShare: 0.25 };
    const full = productValue({ ...lab, deployment: 'full' }, p);
    expect(productValue({ ...lab, deployment: 'restricted' }, p)).toBeCloseTo(0.6 * full, 12);
    expect(productValue({ ...lab, deployment: 'none' }, p)).toBe(0);
    expect(RELEASE_RULES.restricted.label).toBe('Restricted release');
  });
});
