// The one table of what each posture does, and of what each release status means.
//
// A posture is what a lab does with its model this quarter. Everything that depends on the
// posture — the round's training and release, the hazards, the market, the commitment ranking the
// bots and policies compare, and the words every screen and report uses — reads it from here, so
// a new posture is one more row (see the README's Development section for the few places that
// must still decide about it).

import type { DeploymentStatus, DynamicsParams, Posture, TrainingStatus } from './types';

export interface PostureRules {
  /** How permissive: a commitment or a board compares postures by this (pause 0 < deploy 2). */
  rank: number;
  /** Whether training goes on this quarter. */
  training: TrainingStatus;
  /**
   * What is released this quarter: the new model, to the users this status names (it replaces
   * the model already out), or null — nothing new, the model already out stays as it is.
   */
  release: DeploymentStatus | null;
  words: PostureWords;
}

export interface PostureWords {
  /** "Pause". */
  name: string;
  /** What choosing it does, in one sentence ("Pause: training stops …"). */
  summary: string;
  /** As the subject of a sentence: "deploying breaks …". */
  asSubject: string;
  /** What a lab did: "it paused", "it released in full". */
  did: string;
  /** Short past tense, as in "… but Corvid AI restricted" or "released in full 4 (times)". */
  done: string;
  /** What a lab's policy said once its evals showed a level, when this was its most permissive posture. */
  verdict: string;
  /** The glossary's plain definition, where the word needs one. */
  definition?: string;
}

export const POSTURE_RULES: Readonly<Record<Posture, PostureRules>> = {
  pause: {
    rank: 0,
    training: 'paused',
    release: null,
    words: {
      name: 'Pause',
      summary: 'Pause: training stops this quarter and no new model is released.',
      asSubject: 'pausing',
      did: 'paused',
      done: 'paused',
      verdict: 'its policy then required a pause until its safeguards were ready',
      definition:
        'Halting further training (and any new release) until the required safeguards are ready.',
    },
  },
  restrict: {
    rank: 1,
    training: 'scaling',
    release: 'restricted',
    words: {
      name: 'Restrict',
      summary:
        'Restrict: training continues; the new model goes only to trusted users, with monitoring.',
      asSubject: 'a restricted release (training goes on)',
      did: 'kept training and released to trusted users only',
      done: 'restricted',
      verdict: 'its policy then allowed only a restricted release',
      definition:
        'Deploying with limits — trusted users only, narrower capabilities, monitoring — instead of releasing to everyone. Training continues.',
    },
  },
  deploy: {
    rank: 2,
    training: 'scaling',
    release: 'full',
    words: {
      name: 'Deploy',
      summary: 'Deploy: training continues and the new model is released to everyone.',
      asSubject: 'deploying',
      did: 'released in full',
      done: 'released in full',
      verdict: 'its safeguards already met what its policy required',
    },
  },
};

/** The dynamics a release status reads (a restricted release's exposure and value). */
export type ReleaseParams = Pick<DynamicsParams, 'restrictedBreadth' | 'restrictedValue'>;

export interface ReleaseRules {
  /** Share of a full release's exposure to misuse (the hazards' breadth). */
  breadth: (p: ReleaseParams) => number;
  /** Share of a full release's value to customers (the market's access). */
  access: (p: ReleaseParams) => number;
  /** "Restricted release". */
  label: string;
}

export const RELEASE_RULES: Readonly<Record<DeploymentStatus, ReleaseRules>> = {
  none: { breadth: () => 0, access: () => 0, label: 'Nothing released' },
  restricted: {
    breadth: (p) => p.restrictedBreadth,
    access: (p) => p.restrictedValue,
    label: 'Restricted release',
  },
  full: { breadth: () => 1, access: () => 1, label: 'Released to everyone' },
};

// The engine's hot paths read a row by comparing the key with the table's own names, not by a
// keyed lookup: a lookup whose key changes from call to call (pause, then deploy) takes V8's slow,
// megamorphic path, and postures and release statuses are compared several times per lab per
// quarter of every batch game. The rows are the table's; a key not listed falls back to the table.
const PAUSE = POSTURE_RULES.pause;
const RESTRICT = POSTURE_RULES.restrict;
const DEPLOY = POSTURE_RULES.deploy;

/** `POSTURE_RULES[posture]`, for the engine's hot paths. */
export function postureRules(posture: Posture): PostureRules {
  return posture === 'pause'
    ? PAUSE
    : posture === 'restrict'
      ? RESTRICT
      : posture === 'deploy'
        ? DEPLOY
        : POSTURE_RULES[posture];
}

const NONE_RELEASED = RELEASE_RULES.none;
const RESTRICTED = RELEASE_RULES.restricted;
const FULL = RELEASE_RULES.full;

/** `RELEASE_RULES[status]`, for the engine's hot paths. */
export function releaseRules(status: DeploymentStatus): ReleaseRules {
  return status === 'none'
    ? NONE_RELEASED
    : status === 'restricted'
      ? RESTRICTED
      : status === 'full'
        ? FULL
        : RELEASE_RULES[status];
}

/** A posture's display name: "Pause". */
export function postureName(posture: Posture): string {
  return POSTURE_RULES[posture].words.name;
}

/** Whether the posture stops training (what a pause agreement or a policy's pause asks for). */
export function stopsTraining(posture: Posture): boolean {
  return postureRules(posture).training === 'paused';
}

/** Whether the posture puts a new model out this quarter. */
export function releasesNewModel(posture: Posture): boolean {
  return postureRules(posture).release !== null;
}

export function morePermissive(a: Posture, b: Posture): boolean {
  return postureRules(a).rank > postureRules(b).rank;
}

/** The less permissive of two postures (`leastPermissive('deploy', 'restrict')` is 'restrict'). */
export function leastPermissive(a: Posture, b: Posture): Posture {
  return postureRules(a).rank <= postureRules(b).rank ? a : b;
}

/** A release status's display label: "Restricted release". */
export function releaseLabel(status: DeploymentStatus): string {
  return RELEASE_RULES[status].label;
}
