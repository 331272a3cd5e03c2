// Injects written on the spot ("a rival's weights are stolen", "a whistleblower reports a quietly
// revised threshold"): the console's form fields become an event, checked by the very validator
// that checks scenario files — the event is placed in a copy of the scenario and the scenario is
// validated — so a live inject obeys exactly the rules a scripted one does, with the same
// plain-words messages.

import { EFFECT_KINDS } from '../scenario/limits';
import { validateScenarioValue } from '../scenario/checkValue';
import type { DomainId, SafeguardTrack, Scenario, ScriptedEvent } from '../types';

export type EffectKind = (typeof EFFECT_KINDS)[number];
export { EFFECT_KINDS };

/** The fields each kind of effect needs, in form order. */
export type EffectField = 'lab' | 'domain' | 'track' | 'delta' | 'level';
export const EFFECT_FIELDS: Record<EffectKind, EffectField[]> = {
  news: [],
  trust: ['delta'],
  breakthrough: ['lab', 'domain', 'delta'],
  weightsStolen: ['lab'],
  whistleblower: ['lab'],
  regulation: ['level'],
  budget: ['lab', 'delta'],
  boardPressure: ['lab', 'delta'],
  safeguards: ['lab', 'track', 'delta'],
  audit: ['lab'],
};

/** Which special targets a kind's `lab` accepts besides a lab id. */
export function labChoices(kind: EffectKind): ('all' | 'any')[] {
  if (kind === 'whistleblower') return ['any'];
  if (kind === 'weightsStolen' || kind === 'audit') return [];
  return ['all'];
}

/** The range and meaning of `delta` for each kind that has one (the schema's limits). */
export const DELTA_HINT: Partial<Record<EffectKind, string>> = {
  trust: 'from −1 to 1; −0.1 takes 10 points off public trust',
  breakthrough: 'from 0 to 0.5; 0.1 adds 10 points of capability',
  budget: 'budget units from −1000 to 1000 (base funding is about 40 a quarter)',
  boardPressure: 'from −1 to 1; 0.2 adds 20 points of board pressure',
  safeguards: 'from −1 to 1; −0.2 takes 20 points off that track’s readiness',
};

export interface InjectForm {
  headline: string;
  body: string;
  kind: EffectKind;
  lab: string;
  domain: DomainId | '';
  track: SafeguardTrack | '';
  /** As typed: text, so "abc" reaches the validator and gets its message. */
  delta: string;
  level: string;
}

export function emptyInjectForm(scenario: Scenario): InjectForm {
  return {
    headline: '',
    body: '',
    kind: 'news',
    lab: scenario.labs[0]?.id ?? '',
    domain: scenario.domains[0]?.id ?? '',
    track: 'security',
    delta: '',
    level: '1',
  };
}

/** A number from typed text, or the text itself (so the validator can name what is wrong). */
function numberOrText(text: string): number | string {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** The story an inject gets when the facilitator writes only a headline. */
export const DEFAULT_INJECT_BODY = 'Reported live by the facilitator.';

/** The event the form describes (not yet checked). An empty story gets a plain default. */
export function eventFromForm(form: InjectForm): {
  headline: string;
  body: string;
  effect: unknown;
} {
  const effect: Record<string, unknown> = { kind: form.kind };
  for (const field of EFFECT_FIELDS[form.kind]) {
    if (field === 'lab') effect.lab = form.lab;
    if (field === 'domain') effect.domain = form.domain;
    if (field === 'track') effect.track = form.track;
    if (field === 'delta') effect.delta = numberOrText(form.delta);
    if (field === 'level') effect.level = numberOrText(form.level);
  }
  return { headline: form.headline.trim(), body: form.body.trim() || DEFAULT_INJECT_BODY, effect };
}

export interface InjectProblem {
  /** The form field it is about: headline, body, effect, or an effect field. */
  field: 'headline' | 'body' | 'effect' | EffectField;
  /** Where it is in the event, e.g. `effect.delta`. */
  path: string;
  message: string;
}

export type InjectResult =
  { ok: true; event: ScriptedEvent } | { ok: false; problems: InjectProblem[] };

const PREFIX = 'events[0]';

function fieldOf(path: string): InjectProblem['field'] {
  const m = /^effect\.(lab|domain|track|delta|level)\b/.exec(path);
  if (m) return m[1] as EffectField;
  if (path.startsWith('headline')) return 'headline';
  if (path.startsWith('body')) return 'body';
  return 'effect';
}

/**
 * Check an inject against the scenario's own schema and rules (lab ids, domains, ranges). The
 * event's `round` is set to 1 for the check: a live inject fires in the quarter it is fired.
 */
export function validateInject(
  scenario: Scenario,
  event: { headline: unknown; body: unknown; effect: unknown },
): InjectResult {
  const candidate = { round: 1, headline: event.headline, body: event.body, effect: event.effect };
  // Checked as the scenario's only event; its facilitator's notes (about its own events) set aside.
  const { facilitation: _notes, ...rest } = scenario;
  const result = validateScenarioValue({ ...rest, events: [candidate] });
  if (result.ok) {
    const checked = result.scenario.events[0] as ScriptedEvent;
    return { ok: true, event: checked };
  }
  const problems = result.errors
    .filter((e) => e.path.startsWith(PREFIX))
    .map((e) => {
      const path = e.path.slice(PREFIX.length).replace(/^\./, '') || 'event';
      return { field: fieldOf(path), path, message: e.message };
    });
  if (problems.length === 0) {
    // The scenario itself failed (it should not: it was validated when loaded).
    const first = result.errors[0];
    return {
      ok: false,
      problems: [
        {
          field: 'effect',
          path: 'event',
          message: `the scenario could not check this event (${first ? `${first.path}: ${first.message}` : 'unknown problem'})`,
        },
      ],
    };
  }
  return { ok: false, problems };
}

/** Ready-made injects for the form: the two the issue names, for the first rival and any lab. */
export function injectTemplates(scenario: Scenario): { label: string; form: InjectForm }[] {
  const base = emptyInjectForm(scenario);
  const rival = scenario.labs.find((l) => l.role !== 'player') ?? scenario.labs[0];
  const rivalName = rival?.name ?? 'A rival';
  return [
    {
      label: 'A rival’s weights are stolen',
      form: {
        ...base,
        headline: `${rivalName}'s model weights are stolen`,
        body: 'Investigators confirm a copy of the weights is circulating outside any lab’s safeguards.',
        kind: 'weightsStolen',
        lab: rival?.id ?? base.lab,
      },
    },
    {
      label: 'A whistleblower reports a quietly revised threshold',
      form: {
        ...base,
        headline: 'A whistleblower says a lab quietly revised a threshold',
        body: 'An employee tells reporters their lab loosened a capability threshold without saying so.',
        kind: 'whistleblower',
        lab: 'any',
      },
    },
  ];
}
