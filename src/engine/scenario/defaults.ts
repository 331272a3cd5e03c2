// What a scenario file may leave out and the value it then has: the schema fills these in
// (valibot's optional defaults, schema.ts) and so does the shipped-file reader (shipped.ts), from
// this one table, so the two cannot drift apart.

/** A policy's evaluation rules. */
export const POLICY_EVALUATION_DEFAULTS = { safetyBuffer: 0, alertMargin: 0 } as const;

/** A policy. */
export const POLICY_DEFAULTS = {
  whenShort: 'pause',
  significantShortfall: 0.1,
  competitorClause: false,
  binding: false,
  public: true,
} as const;

/** The scenario (absent `dynamics` and `events` are empty). */
export const SCENARIO_DEFAULTS = { information: 'announcements' } as const;
