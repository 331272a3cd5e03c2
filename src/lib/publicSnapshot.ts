// What the projector window accepts from its channel. Any page of the same origin can post on a
// BroadcastChannel, so every message is checked before use: its shape, against the schema of the
// public snapshot (src/presentation/workshop/publicView.ts), with bounded sizes; and its room, the
// token of the workshop console that opened the projector (in the projector's URL,
// `#projector=<room>`). A message that fails either check is ignored: it never reaches the view.
//
// This ties the projector to its console and keeps malformed data out. It is not a defence
// against hostile code running on the same origin, which could read the token from the channel
// (or write the browser's storage, which the projector also follows).

import * as v from 'valibot';
import { valueDepthProblem } from '../engine/scenario/input';
import { LIMITS } from '../engine/scenario/limits';
import type { PublicSnapshot } from '../presentation/workshop/publicView';
import { REVEAL_SECTIONS } from '../presentation/workshop/reveal';
import { WORKSHOP_LIMITS } from '../engine/workshop/types';
import { isRoom } from './roomToken';

// The room token (isRoom, newRoom, roomFromHash) lives in roomToken.ts: the console needs it
// without this module's schema, which it fetches only once a message arrives.
export { isRoom, newRoom, roomFromHash } from './roomToken';

const MAX_ROUNDS = LIMITS.rounds.max + 1;
const MAX_LABS = LIMITS.labs.max;
const MAX_NEWS = 2000;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const Short = text(LIMITS.lineText);
const Long = text(LIMITS.longText * 2);
const Id = text(LIMITS.idLength);
const Num = v.pipe(v.number(), v.finite());
const Fraction = v.pipe(v.number(), v.finite(), v.minValue(-1), v.maxValue(2));
const Round = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ROUNDS));
const Millis = v.pipe(v.number(), v.finite(), v.minValue(0));

// The projector receives the news worded (WordedNews, src/presentation/newsWords.ts), not the
// record's facts: it shows them as they come, with no scenario to name labs and domains from.
const NewsItem = v.object({
  round: Round,
  headline: Long,
  body: Long,
  lab: v.nullable(Id),
  kind: v.picklist([
    'inject',
    'incident',
    'announcement',
    'revision',
    'audit',
    'regulation',
    'pause',
    'board',
    'deployment',
    'evals',
  ]),
});
const News = v.pipe(v.array(NewsItem), v.maxLength(MAX_NEWS));

const PublicLab = v.object({
  id: Id,
  name: Short,
  team: v.nullable(Short),
  deployment: v.picklist(['none', 'restricted', 'full']),
  training: v.nullable(v.picklist(['scaling', 'paused'])),
  announcedLevel: v.nullable(Short),
  marketShare: Fraction,
  reputation: Fraction,
  inPauseAgreement: v.boolean(),
  publishedEval: v.nullable(
    v.object({
      round: Round,
      measured: v.pipe(
        v.array(v.object({ domain: Short, value: Num })),
        v.maxLength(LIMITS.levels.max * 10),
      ),
    }),
  ),
});

const Crossings = v.pipe(
  v.array(v.object({ round: Round, team: Short, text: Long })),
  v.maxLength(MAX_ROUNDS * WORKSHOP_LIMITS.teams.max * LIMITS.levels.max),
);

/** The reveal (src/presentation/workshop/reveal.ts): present only once the game is over. */
const RevealSchema = v.object({
  section: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(REVEAL_SECTIONS.length - 1)),
  outcome: v.object({ title: Long, text: Long }),
  teams: v.pipe(
    v.array(
      v.object({
        lab: Id,
        name: Short,
        labName: Short,
        trueLevel: v.nullable(Short),
        shownLevel: v.nullable(Short),
        evals: v.pipe(
          v.array(v.object({ domain: Short, measured: v.nullable(Num), truth: Num })),
          v.maxLength(20),
        ),
        kept: Round,
        broken: Round,
        revisedPublicly: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
        revisedQuietly: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1000)),
      }),
    ),
    v.maxLength(WORKSHOP_LIMITS.teams.max),
  ),
  missed: v.object({
    starting: Crossings,
    revised: v.nullable(Crossings),
    revisedBy: v.pipe(v.array(Short), v.maxLength(WORKSHOP_LIMITS.teams.max)),
  }),
  commitments: v.pipe(
    v.array(v.object({ round: Round, parties: Long, text: Long, verdict: Short })),
    v.maxLength(WORKSHOP_LIMITS.commitments),
  ),
  questions: v.pipe(v.array(Long), v.maxLength(10)),
});

/** The teams' policies during the policy step (src/engine/workshop/publicPolicies.ts). */
const TeamPolicySchema = v.object({
  team: Short,
  labName: Short,
  name: Long,
  shown: v.boolean(),
  from: Long,
  whenShort: Long,
  binding: v.boolean(),
  public: v.boolean(),
  competitorClause: v.boolean(),
  cadence: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8)),
  safetyBuffer: Fraction,
  levels: v.pipe(
    v.array(
      v.object({
        name: Short,
        thresholds: v.pipe(v.array(v.object({ domain: Short, value: Fraction })), v.maxLength(20)),
      }),
    ),
    v.maxLength(10),
  ),
});

export const PublicSnapshotSchema = v.object({
  kind: v.literal('threshold-public'),
  scenarioTitle: Short,
  round: Round,
  totalRounds: Round,
  phase: v.picklist(['setup', 'policies', 'briefing', 'deciding', 'ready', 'paused', 'over']),
  outcomeTitle: v.nullable(Long),
  timer: v.nullable(
    v.object({ durationMs: Millis, deadline: v.nullable(Num), remainingMs: Millis }),
  ),
  teams: v.pipe(
    v.array(v.object({ lab: Id, name: Short, labName: Short, lockedIn: v.boolean() })),
    v.maxLength(WORKSHOP_LIMITS.teams.max),
  ),
  publicTrust: Fraction,
  regulation: v.object({ level: v.picklist([0, 1, 2, 3]), name: Short }),
  pauseAgreementActive: v.boolean(),
  thisQuarter: News,
  lastResults: v.nullable(v.object({ round: Round, news: News })),
  labs: v.pipe(v.array(PublicLab), v.maxLength(MAX_LABS)),
  history: v.pipe(
    v.array(
      v.object({
        round: Round,
        publicTrust: Fraction,
        shares: v.pipe(
          v.record(Id, Fraction),
          v.check((shares) => Object.keys(shares).length <= MAX_LABS),
        ),
        incidents: v.pipe(
          v.array(v.object({ lab: Id, severity: Short })),
          v.maxLength(MAX_LABS * 10),
        ),
      }),
    ),
    v.maxLength(MAX_ROUNDS),
  ),
  commitments: v.pipe(
    v.array(
      v.object({
        id: Short,
        round: Round,
        text: Long,
        kind: Short,
        parties: v.pipe(v.array(Short), v.maxLength(MAX_LABS)),
      }),
    ),
    v.maxLength(WORKSHOP_LIMITS.commitments),
  ),
  reveal: v.nullable(RevealSchema),
  // Absent in snapshots from before the policy step (a projector newer than its console).
  policies: v.optional(
    v.nullable(v.pipe(v.array(TeamPolicySchema), v.maxLength(WORKSHOP_LIMITS.teams.max))),
    null,
  ),
});

/** A public snapshot, checked in full; null for anything else. Never throws. */
export function parsePublicSnapshot(value: unknown): PublicSnapshot | null {
  try {
    if (valueDepthProblem(value, 16)) return null;
    const result = v.safeParse(PublicSnapshotSchema, value);
    return result.success ? (result.output as PublicSnapshot) : null;
  } catch {
    return null;
  }
}

export type ChannelMessage =
  | { type: 'public'; room: string; snapshot: PublicSnapshot | null }
  | { type: 'hello'; room: string };

/**
 * A message from the channel, checked: a "hello" or a "public" snapshot with a valid room and,
 * for a snapshot, a valid snapshot (or null: no workshop yet). Null for anything else.
 */
export function parseChannelMessage(data: unknown): ChannelMessage | null {
  try {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    const { type, room, snapshot } = data as Record<string, unknown>;
    if (!isRoom(room)) return null;
    if (type === 'hello') return { type, room };
    if (type !== 'public') return null;
    if (snapshot === null) return { type, room, snapshot: null };
    const checked = parsePublicSnapshot(snapshot);
    return checked ? { type, room, snapshot: checked } : null;
  } catch {
    return null;
  }
}
