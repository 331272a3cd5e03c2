// The work of a study (every cell of a sweep, or a baseline and its arms, × every game index) cut
// into N shards: deterministic and balanced, so shard K of N names the same games on any machine
// and no shard holds more than one game (or, for paired arms, one seed) more than another.
//
// Unpaired cells are laid out cell by cell (cell c, game i is position c·runs + i) and shard K
// takes positions ⌊(K−1)·total/N⌋ up to ⌊K·total/N⌋. Paired arms must play the same seed side by
// side, so their shards cut the game indices only and every unit plays every arm.

/** Games `from` … `from + count − 1` of one cell (or, `cell` null, of every cell, paired). */
export interface WorkUnit {
  cell: number | null;
  from: number;
  count: number;
}

/** The units of shard `k` of `n` (1-based) of `cells` cells × `runs` games. */
export function shardUnits(
  cells: number,
  runs: number,
  paired: boolean,
  k: number,
  n: number,
): WorkUnit[] {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 1 || k > n) {
    throw new Error(`shard ${k}/${n} does not exist`);
  }
  const cut = (total: number, i: number): number => Math.floor((i * total) / n);
  if (paired) {
    const from = cut(runs, k - 1);
    const to = cut(runs, k);
    return to > from ? [{ cell: null, from, count: to - from }] : [];
  }
  const total = cells * runs;
  const start = cut(total, k - 1);
  const end = cut(total, k);
  const units: WorkUnit[] = [];
  for (let at = start; at < end;) {
    const cell = Math.floor(at / runs);
    const from = at - cell * runs;
    const count = Math.min(runs - from, end - at);
    units.push({ cell, from, count });
    at += count;
  }
  return units;
}

/** The units cut into pieces of at most `size` games (per cell), in order. */
export function chunkUnits(units: readonly WorkUnit[], size: number): WorkUnit[] {
  const step = Math.max(1, Math.floor(size));
  return units.flatMap((u) => {
    const out: WorkUnit[] = [];
    for (let from = u.from; from < u.from + u.count; from += step) {
      out.push({ cell: u.cell, from, count: Math.min(step, u.from + u.count - from) });
    }
    return out;
  });
}

/** A half-open range of game indices [from, to). */
export type GameRange = [number, number];

/** The game ranges each cell gets from `units` (a paired unit covers every cell). */
export function unitRanges(units: readonly WorkUnit[], cells: number): GameRange[][] {
  const ranges: GameRange[][] = Array.from({ length: cells }, () => []);
  for (const u of units) {
    const targets = u.cell === null ? ranges : [ranges[u.cell] as GameRange[]];
    for (const r of targets) r.push([u.from, u.from + u.count]);
  }
  return ranges;
}
