// The fragments that mark the Explorer's links, in a module of their own so the app shell can
// route such links to the Explorer without loading the Explorer's code.
export const EXPLORE_PREFIX = '#explore=';
/** The fragment that marks a comparison link (see compareLink.ts). */
export const COMPARE_PREFIX = '#compare=';
/** The fragment that marks a pause-question link (see pauseQuestion.ts). */
export const PAUSE_PREFIX = '#pause=';

/** The fragment that marks a policy-scorecard link (see scorecardLink.ts). */
export const SCORECARD_PREFIX = '#scorecard=';

/** A link the Explorer reads (a sweep, a comparison, a pause question or a scorecard). */
export function isExplorerLink(hash: string): boolean {
  return [EXPLORE_PREFIX, COMPARE_PREFIX, PAUSE_PREFIX, SCORECARD_PREFIX].some((prefix) =>
    hash.startsWith(prefix),
  );
}
