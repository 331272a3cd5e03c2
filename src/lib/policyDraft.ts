// The policy being written, kept in the browser's storage after every change so that a reload
// (or a closed tab) loses nothing: the scenario it is written for, the policy as it stands —
// problems and all — and the last steps undo can take back. Reading never throws: anything
// unreadable is reported and left where it is.

import type { PolicySpec } from '../engine/types';

export const POLICY_DRAFT_KEY = 'threshold:policy-draft';
/** Undo steps kept across a reload (more are kept while the page is open). */
export const STORED_UNDO_STEPS = 20;

export interface PolicyDraftState {
  scenarioId: string;
  /** As written: it may have problems (the editor shows them), so only its shape is trusted. */
  policy: PolicySpec;
  /** Earlier states, oldest first. */
  undo: { scenarioId: string; policy: PolicySpec }[];
}

export type DraftRead =
  | { status: 'none' }
  | { status: 'ok'; draft: PolicyDraftState }
  | { status: 'unreadable'; message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A stored policy the form can show: an object whose levels are a list of objects. */
function looksLikePolicy(value: unknown): value is PolicySpec {
  return (
    isObject(value) &&
    Array.isArray(value.levels) &&
    value.levels.every(isObject) &&
    isObject(value.evaluation) &&
    isObject(value.framework)
  );
}

function step(value: unknown): { scenarioId: string; policy: PolicySpec } | null {
  if (!isObject(value) || typeof value.scenarioId !== 'string') return null;
  return looksLikePolicy(value.policy)
    ? { scenarioId: value.scenarioId, policy: value.policy }
    : null;
}

/** Where an unreadable draft is moved, so that writing a new one does not destroy it. */
export const UNREADABLE_DRAFT_KEY = `${POLICY_DRAFT_KEY}:unreadable`;

function setAside(storage: Storage | null, raw: string): DraftRead {
  let kept = false;
  try {
    storage?.setItem(UNREADABLE_DRAFT_KEY, raw);
    kept = true;
  } catch {
    // Storage refused it: the message says it could not be kept.
  }
  return {
    status: 'unreadable',
    message: kept
      ? `The policy you were writing could not be read; it was kept in this browser’s storage under “${UNREADABLE_DRAFT_KEY}”.`
      : 'The policy you were writing could not be read.',
  };
}

export function readPolicyDraft(storage: Storage | null): DraftRead {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(POLICY_DRAFT_KEY);
  } catch {
    return { status: 'none' };
  }
  if (raw === null || raw === undefined) return { status: 'none' };
  try {
    const value: unknown = JSON.parse(raw);
    const current = step(value);
    if (!current || !isObject(value)) return setAside(storage, raw);
    const undo = (Array.isArray(value.undo) ? value.undo : [])
      .map(step)
      .filter((s): s is NonNullable<typeof s> => s !== null);
    return { status: 'ok', draft: { ...current, undo } };
  } catch {
    return setAside(storage, raw);
  }
}

/** Keep the draft; false when the browser's storage refused it (full or unavailable). */
export function writePolicyDraft(storage: Storage | null, draft: PolicyDraftState): boolean {
  if (!storage) return false;
  try {
    const kept = { ...draft, undo: draft.undo.slice(-STORED_UNDO_STEPS) };
    storage.setItem(POLICY_DRAFT_KEY, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}
