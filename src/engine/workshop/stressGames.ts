// The stress test's size, on its own so the workshop's screens can say it without loading the
// test itself (stressTest.ts and the batch comparison it runs).

/** Games per arm: enough for an interval that separates large differences, quick on a laptop. */
export const STRESS_GAMES = 200;
