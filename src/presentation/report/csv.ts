// The decisions of a game as CSV, one row per lab per quarter, for spreadsheets and analysis.
// RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break quoted and
// quotes doubled. Text that a spreadsheet would run as a formula (starting with =, +, -, @, or a
// tab or carriage return) is prefixed with an apostrophe so it stays text.

import type { GameState, PolicyAction, Scenario } from '../../engine/types';
import { BUDGET_LINES } from '../../engine/types';

/** Characters that make a spreadsheet treat a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: formula-neutralised text, quoted when RFC 4180 requires it (null: empty). */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = typeof value === 'number' ? formatNumber(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  return String(Number(x.toFixed(4)));
}

export function csvRow(fields: readonly (string | number | null)[]): string {
  return fields.map(csvField).join(',');
}

function actionText(action: PolicyAction): string {
  switch (action.kind) {
    case 'reviseThreshold':
      return `${action.publicly ? 'public' : 'quiet'} revision ${action.levelId} ${action.domain} to ${formatNumber(action.to)}`;
    case 'inviteAudit':
      return 'invite audit';
    case 'joinPauseAgreement':
      return 'join pause agreement';
    case 'leavePauseAgreement':
      return 'leave pause agreement';
    case 'publishEvals':
      return action.publish ? 'publish evals' : 'stop publishing evals';
  }
}

export const DECISIONS_CSV_HEADER = [
  'round',
  'lab',
  'lab_name',
  'team',
  'seat',
  'posture_chosen',
  'effective_posture',
  'overridden_by',
  ...BUDGET_LINES.map((line) => `budget_${line}`),
  'actions',
  'compliance',
  'allowed_posture',
  'risk',
] as const;

/**
 * One row per lab per resolved quarter: who decided, what they chose and what was actually taken
 * (and what overrode it), the budget shares, policy actions, compliance with the lab's own
 * commitment and the chance of an incident from that lab that quarter.
 */
export function decisionsCsv(
  scenario: Scenario,
  state: GameState,
  teamNames: Record<string, string> = {},
): string {
  const lines = [csvRow(DECISIONS_CSV_HEADER)];
  for (const round of state.history) {
    for (const r of round.labs) {
      const lab = state.labs.find((l) => l.id === r.lab);
      const human = state.humans.includes(r.lab);
      lines.push(
        csvRow([
          round.round,
          r.lab,
          lab?.name ?? scenario.labs.find((l) => l.id === r.lab)?.name ?? '',
          teamNames[r.lab] ?? '',
          human ? 'human' : `bot: ${lab?.strategy ?? ''}`,
          r.decision.posture,
          r.effectivePosture,
          r.overriddenBy ?? '',
          ...BUDGET_LINES.map((line) => r.decision.budget[line]),
          r.decision.actions.map(actionText).join('; '),
          r.compliance,
          r.allowedPosture,
          r.risk.total,
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
