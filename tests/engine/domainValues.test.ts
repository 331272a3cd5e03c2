// domainValuesFor hands growth and evals an object to fill in, copied from one made per domain
// list: each must be a fresh object with the domains' keys in their order (the JSON of every
// capability and measurement depends on it), whichever lists come and go.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { domainValuesFor } from '../../src/engine/capability';
import type { DomainId } from '../../src/engine/types';

const DOMAINS: DomainId[] = ['cbrn', 'cyber', 'autonomy', 'manipulation', 'oversight'];
// Any domains in any order: each list is its own array, as each scenario's is.
const domainList = fc.uniqueArray(fc.constantFrom(...DOMAINS), { minLength: 1 });

describe('domainValuesFor', () => {
  it('has every domain as a key, in order, whichever lists were asked for before', () => {
    fc.assert(
      fc.property(fc.array(domainList, { minLength: 1, maxLength: 4 }), (lists) => {
        for (const domains of lists) expect(Object.keys(domainValuesFor(domains))).toEqual(domains);
      }),
    );
  });

  it('is a fresh object each time (filling one never changes another)', () => {
    const domains: DomainId[] = ['cyber', 'cbrn'];
    const a = domainValuesFor(domains);
    a.cyber = 0.9;
    const b = domainValuesFor(domains);
    expect(b).not.toBe(a);
    expect(b.cyber).not.toBe(0.9);
  });
});
