// Batch runs and parameter sweeps: many bot games per setting, summarised. Pure and deterministic;
// the explorer's Web Workers and the CLI's worker threads both run `runGames` on chunks.
export * from './stats';
export * from './sweepParameters';
export * from './runBatch';
export * from './sweep';
export * from './paired';
export * from './compare';
export * from './inert';
export * from './tally';
export * from './exactSum';
export * from './shard';
export * from './study';
export * from './scorecard';
