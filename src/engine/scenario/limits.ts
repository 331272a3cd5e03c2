// The scenario format's sizes, ranges, version and effect kinds: what other parts quote (the
// semantic checks, the inject panel, the public snapshot, the workshop's injects) without the
// valibot schema itself (schema.ts), which only a file being checked needs.

/** Sizes and ranges the validator accepts. The README quotes these. */
export const LIMITS = {
  rounds: { min: 1, max: 40 },
  labs: { min: 1, max: 8 },
  levels: { min: 1, max: 10 },
  // 8 written in a file, plus one for each of up to six workshop teams that write their own.
  policies: { min: 1, max: 14 },
  events: { max: 200 },
  sources: { min: 1, max: 200 },
  simplifications: { min: 1, max: 200 },
  budget: { min: 0, max: 10000 },
  cadence: { min: 1, max: 8 },
  noise: { min: 0, max: 0.5 },
  elicitationGap: { min: 0, max: 0.5 },
  sandbagging: { min: 0, max: 1 },
  safetyBuffer: { min: 0, max: 0.5 },
  eventDelta: { min: -1, max: 1 },
  budgetDelta: { min: -1000, max: 1000 },
  idLength: 48,
  shortText: 120,
  lineText: 300,
  longText: 2000,
} as const;

/**
 * The scenario format this version writes (a file may say so in `schemaVersion`). Format 1 (one
 * ladder for every lab, top-level `levels`) is still read, and migrated (resolve.ts).
 */
export const SCENARIO_FORMAT = 2;

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const EFFECT_KINDS = [
  'news',
  'trust',
  'breakthrough',
  'weightsStolen',
  'whistleblower',
  'regulation',
  'budget',
  'boardPressure',
  'safeguards',
  'audit',
] as const;
