// The print window's copy of the workshop: the setup saved in this browser (a setup being
// prepared is saved once it is valid; a running workshop always is). Read-only.

import type { GameSetup } from '../../../engine/machines/gameMachine';
import type { WorkshopTeam } from '../../../engine/workshop/types';
import { parseWorkshopSession, WORKSHOP_KEY } from '../../../lib/workshopSession';

export function printSourceFromStorage(
  storage: Storage | null,
): { setup: GameSetup; teams: WorkshopTeam[] } | null {
  try {
    const raw = storage?.getItem(WORKSHOP_KEY);
    if (!raw) return null;
    const envelope: unknown = JSON.parse(raw);
    if (typeof envelope !== 'object' || envelope === null) return null;
    const result = parseWorkshopSession((envelope as { save?: unknown }).save);
    if (!result.ok) return null;
    return { setup: result.session.setup, teams: result.session.meta.teams };
  } catch {
    return null;
  }
}

export type PrintKind = 'briefs' | 'rules' | 'notes';
export const PRINT_KINDS: { id: PrintKind; label: string }[] = [
  { id: 'briefs', label: 'Role briefs' },
  { id: 'rules', label: 'Rules summary' },
  { id: 'notes', label: 'Facilitator notes' },
];

/** The printable a `#print=<kind>` address asks for (role briefs by default). */
export function printKindFromHash(hash: string): PrintKind {
  const kind = /^#print=([a-z]+)$/.exec(hash)?.[1];
  return PRINT_KINDS.some((k) => k.id === kind) ? (kind as PrintKind) : 'briefs';
}
