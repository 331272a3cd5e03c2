// An incident in words: its severity and what went wrong, at which lab. Read by the news, the
// quarter's report, the timeline's markers, the debrief and the workshop's pooled results.

import type { IncidentKind, Severity } from '../engine/types';

const KIND_WORDS: Record<IncidentKind, string> = {
  misuse: 'misuse of a deployed model',
  theft: 'theft of model weights',
  lossOfControl: 'a model acting outside its operators’ control',
  stolenModelMisuse: 'misuse of a stolen model',
};

const SEVERITY_WORDS: Record<Severity, string> = {
  warning: 'Warning shot',
  serious: 'Serious incident',
  catastrophe: 'Catastrophe',
};

const SEVERITY_BODY: Record<Severity, string> = {
  warning: 'Contained, but a sign of what could come.',
  serious: 'Real harm, widely reported. Trust in the industry falls.',
  catastrophe: 'Harm on a scale that ends the race for everyone.',
};

/** "Serious incident: theft of model weights (Corvid AI)", and a line on what it means. */
export function describeIncident(
  i: { kind: IncidentKind; severity: Severity },
  labName: string,
): { headline: string; body: string } {
  return {
    headline: `${SEVERITY_WORDS[i.severity]}: ${KIND_WORDS[i.kind]} (${labName})`,
    body: SEVERITY_BODY[i.severity],
  };
}
