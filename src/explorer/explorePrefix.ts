// The fragment that marks a sweep link, in a module of its own so the app shell can route such
// links to the Explorer without loading the Explorer's code.
export const EXPLORE_PREFIX = '#explore=';
/** The fragment that marks a comparison link (see compareLink.ts). */
export const COMPARE_PREFIX = '#compare=';
/** The fragment that marks a pause-question link (see pauseLink.ts). */
export const PAUSE_PREFIX = '#pause=';
