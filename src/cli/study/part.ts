// Part files: what one shard of a study played, written by `--shard K/N --out FILE` and read by
// `sim merge`. A part says what it holds — format version, engine version, the scenario (its
// content and a hash of it), the study's settings, grid or arms, runs and seed, which shard of how
// many, the game ranges of each cell — and its tallies. Read back it is checked with valibot
// (every field, with the path of the first wrong one) and against a checksum of its contents, so
// an edited or truncated part is refused with one line rather than merged into a wrong answer.

import { createHash } from 'node:crypto';
import * as v from 'valibot';
import { PAUSE_CAUSES } from '../../engine/types';
import { formatPath, pathOf } from '../../engine/scenario/validate';
import type { GameRange } from '../../engine/batch/shard';
import type { StudyTally } from '../../engine/batch/study';
import type { StudySpec } from './spec';

export const PART_FORMAT = 'threshold-study-part';
export const PART_VERSION = 1;

const count = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const finite = v.pipe(v.number(), v.finite());
const exactSum = v.array(finite);
const uint32 = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(2 ** 32 - 1));

const LabTallySchema = v.strictObject({
  games: count,
  quarters: count,
  ownPolicyPause: count,
  brokenQuarters: count,
  causedCatastrophe: count,
  leads: count,
  finalShare: exactSum,
  crossings: count,
  missedCrossings: count,
  crossedQuarters: count,
  unseenQuarters: count,
});

const BatchTallySchema = v.strictObject({
  games: count,
  catastrophe: count,
  anyIncident: count,
  anyPause: count,
  regulatorHalt: count,
  labQuarters: count,
  brokenQuarters: count,
  pausedBy: v.strictObject(
    Object.fromEntries(PAUSE_CAUSES.map((c) => [c, count])) as Record<
      (typeof PAUSE_CAUSES)[number],
      typeof count
    >,
  ),
  crossings: count,
  missedCrossings: count,
  crossedQuarters: count,
  unseenQuarters: count,
  rounds: count,
  maxRounds: count,
  labs: v.record(v.string(), LabTallySchema),
  levelIds: v.array(v.string()),
  firstDeployment: v.record(v.string(), v.array(count)),
  fingerprint: v.tuple([uint32, uint32]),
});

const MeanMomentsSchema = v.strictObject({
  n: count,
  discordant: count,
  nonBinary: v.boolean(),
  sumA: exactSum,
  sumB: exactSum,
  sumD: exactSum,
  sumD2: exactSum,
});

const PooledMomentsSchema = v.strictObject({
  n: count,
  differing: count,
  sums: v.pipe(v.array(exactSum), v.length(4)),
  products: v.pipe(v.array(exactSum), v.length(10)),
});

const PairTallySchema = v.strictObject({
  n: count,
  differing: count,
  means: v.record(v.string(), MeanMomentsSchema),
  pooled: v.record(v.string(), PooledMomentsSchema),
  absentLabs: v.array(v.string()),
});

const SettingSchema = v.strictObject({ id: v.string(), value: finite });

const SpecSchema = v.strictObject({
  command: v.picklist(['batch', 'sweep']),
  file: v.string(),
  settings: v.array(SettingSchema),
  grid: v.array(v.strictObject({ id: v.string(), values: v.array(finite) })),
  arms: v.array(v.strictObject({ text: v.string(), settings: v.array(SettingSchema) })),
  runs: v.pipe(count, v.minValue(1)),
  seed: count,
});

const PartSchema = v.strictObject({
  format: v.literal(PART_FORMAT),
  version: v.literal(PART_VERSION),
  engine: v.string(),
  spec: SpecSchema,
  scenario: v.strictObject({
    id: v.string(),
    title: v.string(),
    hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
    data: v.unknown(),
  }),
  shard: v.pipe(
    v.strictObject({ k: v.pipe(count, v.minValue(1)), n: v.pipe(count, v.minValue(1)) }),
    v.check((s) => s.k <= s.n, 'k must be from 1 to n'),
  ),
  cells: v.array(
    v.strictObject({
      ranges: v.array(
        v.pipe(
          v.tuple([count, count]),
          v.check(([from, to]) => from < to, 'a range must hold at least one game'),
        ),
      ),
      tally: v.nullable(BatchTallySchema),
    }),
  ),
  pairs: v.nullable(v.array(PairTallySchema)),
  seconds: v.pipe(finite, v.minValue(0)),
  threads: count,
  checksum: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
});

export type PartFile = v.InferOutput<typeof PartSchema>;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The scenario's content hash (of its JSON, as played). */
export function scenarioHash(data: unknown): string {
  return sha256(JSON.stringify(data));
}

/** A checksum of everything in a part but the checksum itself, in the file's own key order. */
function checksumOf(part: Record<string, unknown>): string {
  const { checksum: _checksum, ...body } = part;
  return sha256(JSON.stringify(body));
}

export interface PartContents {
  engine: string;
  spec: StudySpec;
  scenario: { id: string; title: string; data: unknown };
  shard: { k: number; n: number };
  ranges: GameRange[][];
  tally: StudyTally;
  seconds: number;
  threads: number;
}

/** The part file's JSON text. */
export function partText(c: PartContents): string {
  const body: Omit<PartFile, 'checksum'> = {
    format: PART_FORMAT,
    version: PART_VERSION,
    engine: c.engine,
    spec: c.spec,
    scenario: {
      id: c.scenario.id,
      title: c.scenario.title,
      hash: scenarioHash(c.scenario.data),
      data: c.scenario.data,
    },
    shard: c.shard,
    cells: c.tally.cells.map((tally, i) => ({ ranges: c.ranges[i] ?? [], tally })),
    pairs: c.tally.pairs,
    seconds: c.seconds,
    threads: c.threads,
  };
  return `${JSON.stringify({ ...body, checksum: checksumOf(body) })}\n`;
}

export type ReadPart = { ok: true; part: PartFile } | { ok: false; message: string };

/** Check a part file's text. Never throws; a problem is one line (without the file name). */
export function parsePart(text: string): ReadPart {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'not a part file: it is not valid JSON (cut short?)' };
  }
  const format = (value as { format?: unknown } | null)?.format;
  if (format !== PART_FORMAT) {
    return {
      ok: false,
      message: `not a part file of sim batch or sim sweep (no "format": "${PART_FORMAT}")`,
    };
  }
  const version = (value as { version?: unknown }).version;
  if (version !== PART_VERSION) {
    return {
      ok: false,
      message: `part file format version ${JSON.stringify(version)}; this sim reads version ${PART_VERSION}`,
    };
  }
  const result = v.safeParse(PartSchema, value);
  if (!result.success) {
    const issue = result.issues[0];
    const where = issue ? formatPath(pathOf(issue)) : '';
    return { ok: false, message: `damaged part file: ${where}: ${issue?.message ?? 'invalid'}` };
  }
  const part = result.output;
  if (scenarioHash(part.scenario.data) !== part.scenario.hash) {
    return { ok: false, message: 'damaged part file: its scenario does not match its hash' };
  }
  if (checksumOf(value as Record<string, unknown>) !== part.checksum) {
    return {
      ok: false,
      message:
        'damaged part file: its contents do not match its checksum (edited after it was written?)',
    };
  }
  return { ok: true, part };
}
