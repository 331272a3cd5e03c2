// What a scenario check says: a scenario, or located plain-words issues. Its own small file so
// that code which only shows issues (the shipped scenarios' loader) needs no validator.

import type { Scenario } from '../types';

export interface ScenarioIssue {
  /** Where the problem is, e.g. `levels[2].thresholds.cyber`; `(file)` for the whole file. */
  path: string;
  /** 1-based line in the file, when the input was text and the place could be found. */
  line: number | null;
  message: string;
}

/** `notes`: not problems, but worth telling the author (e.g. the file was read in the old format). */
export type ScenarioResult =
  { ok: true; scenario: Scenario; notes: string[] } | { ok: false; errors: ScenarioIssue[] };

/** `levels[2].thresholds.cyber (line 41): expected a number between 0 and 1, got "high"` */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line === null ? '' : ` (line ${issue.line})`;
  return `${issue.path}${where}: ${issue.message}`;
}
