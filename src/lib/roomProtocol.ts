// The networked workshop's wire protocol: what a device may send the server (`npm run host`,
// src/server/) and what the server sends back. Shared by the server, which checks every message
// against these schemas, and the browser's client (roomClient.ts), which only needs the types.
//
// A device proves who it is with the token from its join link, in its first message (never in a
// URL, so it stays out of logs). The token fixes its role — one team, the projector or the
// facilitator — and the server sends it only the view that role may see.

import * as v from 'valibot';
import { describeValue } from '../engine/scenario/words';
import type { FiredInject } from '../engine/game';
import type { LabDecision, LabRoundRecord, LabView, Scenario } from '../engine/types';
import type { WordedNews } from '../presentation/newsWords';
import type { PublicSnapshot } from '../presentation/workshop/publicView';
import type { EventResults } from '../presentation/workshop/pooled';
import type { CommitmentAssessment } from '../engine/workshop/commitments';
import {
  POLICY_DISCLOSURES,
  WORKSHOP_LIMITS,
  type Commitment,
  type PolicyDisclosure,
  type TeamPolicyDraft,
} from '../engine/workshop/types';
import { DecisionDraftSchema, type DecisionDraft } from './decisionDraftSave';
import { TOKEN_PATTERN } from './roomLink';

// The endpoint's path and the HTTP API's live apart, for the devices' client (roomRoutes.ts).
export { API, ROOM_SOCKET_PATH } from './roomRoutes';

/** A message larger than this (UTF-8 bytes) gets an error reply instead of being read. */
export const MAX_MESSAGE_BYTES = 32 * 1024;

/** Tokens are 18 random bytes (144 bits) in base64url: 24 characters (roomLink.ts). */
export { TOKEN_PATTERN };

export type Role = 'team' | 'projector' | 'facilitator';

/** An event's links: its facilitator's (adds tables) and its projectors' (read-only). */
export type EventRole = 'eventFacilitator' | 'eventProjector';

/** A table's name in an event, and an event's name. */
export const MAX_EVENT_NAME = 60;
/** Tables one event may pool. */
export const MAX_EVENT_TABLES = 60;

const got = (issue: { input: unknown }): string => `got ${describeValue(issue.input)}`;

/** A client's own id for a message, echoed in the reply so it can tell which request failed. */
const RequestId = v.optional(
  v.union(
    [
      v.pipe(v.string(), v.maxLength(64)),
      v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
    ],
    (issue) =>
      `expected a request id (text of at most 64 characters or a whole number), ${got(issue)}`,
  ),
);

const LabRef = v.pipe(
  v.string((issue) => `expected a lab id, ${got(issue)}`),
  v.maxLength(64, 'a lab id is at most 64 characters'),
);

const plain = <K extends string, T extends v.ObjectEntries>(type: K, entries: T) =>
  v.strictObject(
    { type: v.literal(type), id: RequestId, ...entries },
    (issue) => `expected a "${type}" message, ${got(issue)}`,
  );

const TableName = v.pipe(
  v.string((issue) => `expected a name as text, ${got(issue)}`),
  v.trim(),
  v.minLength(1, 'a name cannot be empty'),
  v.maxLength(MAX_EVENT_NAME, `a name is at most ${MAX_EVENT_NAME} characters`),
);

const CommitmentId = v.pipe(
  v.string((issue) => `expected a commitment's id, ${got(issue)}`),
  v.maxLength(40, 'a commitment id is at most 40 characters'),
);

/** Seconds a timer's "add" adds (negative: takes away). */
const SecondsToAdd = v.optional(
  v.pipe(
    v.number((issue) => `expected seconds to add, ${got(issue)}`),
    v.integer((issue) => `expected whole seconds, ${got(issue)}`),
    v.minValue(-3600, (issue) => `expected −3600 to 3600 seconds, ${got(issue)}`),
    v.maxValue(3600, (issue) => `expected −3600 to 3600 seconds, ${got(issue)}`),
  ),
);

export const TIMER_ACTIONS = ['pause', 'resume', 'restart', 'add'] as const;
export const POLICY_TIMER_ACTIONS = ['pause', 'resume', 'add'] as const;

/**
 * Every message a device may send. A decision's contents and a written inject are checked
 * against the room's scenario on the server (gameSchemas, validateInject): their shape here is
 * only "some value".
 */
export const ClientMessageSchema = v.variant(
  'type',
  [
    plain('join', {
      token: v.pipe(
        v.string((issue) => `expected the token from your join link, ${got(issue)}`),
        v.regex(TOKEN_PATTERN, 'this is not a room token (check the join link)'),
      ),
      // The facilitator's PIN, when the room has one (the console's link alone is not enough).
      pin: v.optional(
        v.pipe(
          v.string((issue) => `expected the PIN as text, ${got(issue)}`),
          v.maxLength(WORKSHOP_LIMITS.pin.max, 'a PIN is at most 8 digits'),
        ),
      ),
    }),
    // A team's own decision. `lab` may be left out; if given it must be the team's own lab.
    plain('submit', { lab: v.optional(LabRef), decision: v.unknown() }),
    plain('withdraw', { lab: v.optional(LabRef) }),
    // A team's unfinished decision: the server keeps it, so a reload or a dropped connection
    // finds the form as it was. It is the team's alone (never in another device's view).
    plain('draft', {
      lab: v.optional(LabRef),
      draft: DecisionDraftSchema,
    }),
    plain('openDecisions', {}),
    plain('resolve', {}),
    plain('undo', {}),
    plain('pause', {}),
    plain('resume', {}),
    plain('end', {}),
    // "End now": the current quarter becomes the last (resolving it opens the debrief); playOn
    // takes that back. As the pass-the-laptop console's button of the same name.
    plain('endAfterThisQuarter', {}),
    plain('playOn', {}),
    plain('reopenTeam', { lab: LabRef }),
    // The policy step (a team writes its own policy before quarter 1). A team edits its own
    // draft — checked against the policy schema on the server — or starts again from one of the
    // scenario's policies, then submits it (no more edits until it, or the console, reopens it).
    plain('policyEdit', { lab: v.optional(LabRef), policy: v.unknown() }),
    plain('policyTemplate', {
      lab: v.optional(LabRef),
      template: v.pipe(
        v.string((issue) => `expected a policy's id, ${got(issue)}`),
        v.maxLength(64, "a policy's id is at most 64 characters"),
      ),
    }),
    plain('policySubmit', { lab: v.optional(LabRef) }),
    plain('policyWithdraw', { lab: v.optional(LabRef) }),
    // The console's side of it: let a team edit again, what the projector shows, the writing
    // timer, and quarter 1 once every team has submitted a sound policy.
    plain('policyReopen', { lab: LabRef }),
    plain('policyDisclosure', {
      disclosure: v.picklist(
        POLICY_DISCLOSURES,
        (issue) => `expected "asWritten" or "all", ${got(issue)}`,
      ),
    }),
    plain('policyTimer', {
      action: v.picklist(
        POLICY_TIMER_ACTIONS,
        (issue) => `expected "pause", "resume" or "add", ${got(issue)}`,
      ),
      seconds: SecondsToAdd,
    }),
    plain('beginQuarterOne', {}),
    plain('timer', {
      action: v.picklist(
        TIMER_ACTIONS,
        (issue) => `expected "pause", "resume", "restart" or "add", ${got(issue)}`,
      ),
      seconds: SecondsToAdd,
    }),
    // A commitment announced at the table (checked against the scenario on the server).
    plain('recordCommitment', {
      commitment: v.strictObject(
        {
          round: v.number((issue) => `expected a quarter, ${got(issue)}`),
          until: v.nullable(v.number((issue) => `expected a quarter or null, ${got(issue)}`)),
          parties: v.pipe(
            v.array(LabRef, (issue) => `expected a list of lab ids, ${got(issue)}`),
            v.maxLength(WORKSHOP_LIMITS.teams.max * 4, 'too many parties'),
          ),
          text: v.pipe(
            v.string((issue) => `expected what was promised as text, ${got(issue)}`),
            v.maxLength(
              WORKSHOP_LIMITS.commitmentText,
              `at most ${WORKSHOP_LIMITS.commitmentText} characters`,
            ),
          ),
          terms: v.variant(
            'kind',
            [
              v.strictObject({ kind: v.literal('statement') }),
              v.strictObject({ kind: v.literal('pausePact') }),
              v.strictObject({ kind: v.literal('noDeployAbove'), level: LabRef }),
              v.strictObject({ kind: v.literal('noQuietRevision') }),
            ],
            (issue) =>
              `expected terms whose "kind" is "statement", "pausePact", "noDeployAbove" or "noQuietRevision", ${got(issue)}`,
          ),
        },
        (issue) => `expected a commitment {round, until, parties, text, terms}, ${got(issue)}`,
      ),
    }),
    plain('markCommitment', {
      commitmentId: CommitmentId,
      mark: v.nullable(
        v.picklist(
          ['kept', 'broken'],
          (issue) => `expected "kept", "broken" or null, ${got(issue)}`,
        ),
      ),
    }),
    plain('removeCommitment', { commitmentId: CommitmentId }),
    // An event's facilitator adds a room as a table, proving it runs the room with the room's
    // facilitator token; a table leaves the event by its room id.
    plain('addTable', {
      roomToken: v.pipe(
        v.string((issue) => `expected the room's facilitator token, ${got(issue)}`),
        v.regex(TOKEN_PATTERN, "this is not a room token (copy the room's facilitator link)"),
      ),
      table: v.optional(TableName),
    }),
    plain('removeTable', {
      roomId: v.pipe(
        v.string((issue) => `expected a room id, ${got(issue)}`),
        v.maxLength(64, 'a room id is at most 64 characters'),
      ),
    }),
    // One of the scenario's scripted events early (`scripted`: its index), or one written live.
    plain('fireInject', {
      scripted: v.optional(
        v.pipe(
          v.number((issue) => `expected the index of a scripted event, ${got(issue)}`),
          v.integer((issue) => `expected the index of a scripted event, ${got(issue)}`),
          v.minValue(0, (issue) => `expected the index of a scripted event, ${got(issue)}`),
        ),
      ),
      event: v.optional(
        v.strictObject(
          { headline: v.unknown(), body: v.unknown(), effect: v.unknown() },
          (issue) => `expected an event {headline, body, effect}, ${got(issue)}`,
        ),
      ),
    }),
  ],
  (issue) =>
    `expected a message whose "type" is one of "join", "submit", "withdraw", "draft", "openDecisions", "resolve", "undo", "pause", "resume", "end", "endAfterThisQuarter", "playOn", "reopenTeam", "policyEdit", "policyTemplate", "policySubmit", "policyWithdraw", "policyReopen", "policyDisclosure", "policyTimer", "beginQuarterOne", "timer", "fireInject", "recordCommitment", "markCommitment", "removeCommitment", "addTable", "removeTable", ${got(issue)}`,
);

export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>;
/** What a device sends once joined (the client adds `id`). */
export type DeviceCommand = Exclude<ClientMessage, { type: 'join' }>;
/** What an event's facilitator sends; every other command is a room's. */
export type EventCommand = Extract<DeviceCommand, { type: 'addTable' | 'removeTable' }>;
export type RoomCommand = Exclude<DeviceCommand, EventCommand>;

export const EVENT_COMMANDS: ReadonlySet<DeviceCommand['type']> = new Set([
  'addTable',
  'removeTable',
]);

/** POST /api/events: a new event, empty until its facilitator adds tables. */
export const CreateEventSchema = v.strictObject(
  { name: TableName },
  (issue) => `expected an event {name}, ${got(issue)}`,
);
export type CreateEventRequest = v.InferOutput<typeof CreateEventSchema>;

/** Why the server refused a message. `badToken` is final: the client stops reconnecting. */
export type ErrorCode =
  | 'invalid'
  | 'tooLarge'
  | 'rateLimited'
  | 'notJoined'
  | 'badToken'
  /** The console's link needs the room's PIN (or the PIN given was wrong): ask, then join again. */
  | 'pinNeeded'
  | 'forbidden'
  | 'notNow'
  | 'ended'
  | 'server';

// ---------------------------------------------------------------- what the server sends

/** Where the room is: the same for every device. */
export interface RoomStatus {
  roomId: string;
  /** 'policies': the teams write their own policies before quarter 1 (the policy step). */
  stage: 'policies' | 'play';
  round: number;
  totalRounds: number;
  /** Decisions are open for the current quarter. */
  roundOpen: boolean;
  paused: boolean;
  /** The game is over (the debrief). */
  over: boolean;
  /** The facilitator closed the room: nothing more can be done in it but export it. */
  ended: boolean;
  /** The server's clock when the view was sent, so a device can show the timer without skew. */
  serverNow: number;
}

/** One of the team's own past quarters: what it chose and what it saw, never the hidden truth. */
export type OwnQuarter = Pick<
  LabRoundRecord,
  | 'decision'
  | 'effectivePosture'
  | 'deployment'
  | 'overriddenBy'
  | 'allowedPosture'
  | 'pauseCause'
  | 'knownLevel'
  | 'compliance'
  | 'measured'
  | 'safeguards'
  | 'budget'
  | 'marketShare'
  | 'reputation'
  | 'boardPressure'
> & { round: number };

/** A team's device: its own lab in full (as its players may know it) and the public view. */
export interface TeamView {
  kind: 'team';
  status: RoomStatus;
  team: { lab: string; name: string };
  /** What the lab can see (labView): its own evals, budget and safeguards; rivals' public signals. */
  lab: LabView;
  /** News of this quarter and the last results this lab may read (public, or its own), worded. */
  news: WordedNews[];
  history: OwnQuarter[];
  /** Its decision locked in for this quarter (null: none yet). */
  decision: LabDecision | null;
  /** Its unfinished decision for this quarter, as its device last sent it (null: none). */
  draft: DecisionDraft | null;
  /** Its own policy while the teams write theirs (the policy step); null otherwise. */
  policy: TeamPolicyView | null;
  public: PublicSnapshot;
}

/** A team's own draft in the policy step: never in another device's view (only what the
 * projector shows of it, in `public.policies`). */
export interface TeamPolicyView {
  draft: TeamPolicyDraft;
  /** The team has handed it in: no more edits until it (or the console) reopens it. */
  submitted: boolean;
  /** What must be fixed before quarter 1, in the scenario's checks' words. */
  problems: string[];
}

/** The console's view of the policy step: who has submitted, whose draft has problems. */
export interface PolicyStepStatus {
  disclosure: PolicyDisclosure;
  /** Writing time in seconds (null: no timer). */
  seconds: number | null;
  teams: { lab: string; name: string; submitted: boolean; problems: number }[];
  /** Every team has submitted a policy that passes the scenario's checks. */
  canBegin: boolean;
}

export interface ProjectorView {
  kind: 'projector';
  status: RoomStatus;
  public: PublicSnapshot;
}

export interface JoinLinks {
  facilitator: string;
  projector: string;
  teams: { lab: string; name: string; token: string }[];
}

export interface CommitmentStanding {
  commitment: Commitment;
  verdict: CommitmentAssessment['verdict'];
}

/** The facilitator's console: who has locked in (never what), the room's controls and links. */
export interface FacilitatorView {
  kind: 'facilitator';
  status: RoomStatus;
  public: PublicSnapshot;
  lockedIn: string[];
  waiting: string[];
  canOpen: boolean;
  canResolve: boolean;
  /** Quarters resolved so far (the last can be undone). */
  resolved: number;
  timerSeconds: number | null;
  injects: FiredInject[];
  /** The commitments recorded, with the facilitator's marks. */
  commitments: Commitment[];
  /** How each commitment stands so far, from the game record (as the laptop console shows it):
   * the verdict only — the evidence behind it waits for the report, after the reveal. */
  assessed: CommitmentStanding[];
  /** Every lab in the game (teams' and bots'), for naming a commitment's parties. */
  labs: { id: string; name: string }[];
  /** An inject can be fired now (a quarter is being played). */
  canFireInject: boolean;
  /** "End after this quarter" is possible now; and, once chosen, "play on" takes it back. */
  canEndNow: boolean;
  canPlayOn: boolean;
  /** The quarters the game was set up to play (before any "end after this quarter"). */
  plannedQuarters: number;
  /** The policy step while the teams write their policies; null otherwise. */
  policyStep: PolicyStepStatus | null;
  /** The scenario's scripted events, for firing one early. */
  scriptedEvents: { index: number; round: number; headline: string }[];
  /** The tokens for every device's join link. */
  tokens: JoinLinks;
  /** The event this room is a table of (null: none), so its console can link to the pooled view. */
  event: TableOfEvent | null;
}

/**
 * A room's place in an event, for that room's console only: the event's projector token (its
 * read-only pooled view — never the event's facilitator token, which adds and removes tables).
 */
export interface TableOfEvent {
  eventId: string;
  name: string;
  /** This room's name among the event's tables. */
  table: string;
  tables: number;
  projector: string;
}

export type RoomView = TeamView | ProjectorView | FacilitatorView;

/**
 * An event's screen: its tables' progress, and — for each table whose game is over, and only
 * then — its results side by side with the others and pooled (src/presentation/workshop/pooled.ts).
 */
export interface EventView {
  kind: 'event';
  role: EventRole;
  eventId: string;
  name: string;
  /** What every table plays (fixed by the first table added; null while there is none). */
  plays: { scenarioTitle: string; seed: number; quarters: number } | null;
  tables: { roomId: string; table: string; round: number; totalRounds: number; over: boolean }[];
  results: EventResults;
  /** The event's links: for its facilitator only. */
  tokens: EventLinks | null;
}

export interface EventLinks {
  facilitator: string;
  projector: string;
}

export interface CreatedEvent {
  eventId: string;
  tokens: EventLinks;
}

export type ServerMessage =
  | {
      type: 'welcome';
      role: Role;
      roomId: string;
      lab: string | null;
      /** The room's scenario for the forms: on a team's device without the scripted events
       * (those are the facilitator's to reveal); in full on the console. Null on the projector. */
      scenario: Scenario | null;
      /** Changes each time the server starts: a device that rejoins can say the server restarted. */
      server: string;
    }
  | { type: 'eventWelcome'; role: EventRole; eventId: string }
  | { type: 'event'; view: EventView }
  | { type: 'view'; view: RoomView }
  /** The room's scenario changed (the teams' policies joined it when quarter 1 started). */
  | { type: 'scenario'; scenario: Scenario }
  | { type: 'ack'; id?: string | number }
  | { type: 'error'; id?: string | number; code: ErrorCode; message: string };

// ---------------------------------------------------------------- creating a room (HTTP)

/** POST /api/rooms: a room from a shipped scenario (its id) or a scenario file's contents. */
export interface CreateRoomRequest {
  scenario: string | Record<string, unknown>;
  teams: { name: string; labName?: string }[];
  /** Default: a random seed. */
  seed?: number;
  /** Decision time per quarter in seconds; null: no timer (default 300). */
  timerSeconds?: number | null;
  /** Play fewer quarters than the scenario has (a shorter workshop). */
  quarters?: number;
  /** The facilitator's PIN (4–8 digits): opening the console then needs the link and the PIN. */
  pin?: string;
  /** Teams write their own policy on their devices before quarter 1 (the policy step). */
  policyStep?: { minutes: number | null; disclosure: PolicyDisclosure };
}

/** The answer to creating or importing a room. */
export interface CreatedRoom {
  roomId: string;
  tokens: JoinLinks;
}
