// The print window's copy of the workshop: the setup saved in this browser (a setup being
// prepared is saved once it is valid; a running workshop always is). Read-only.

import type { GameSetup } from '../../../engine/machines/gameMachine';
import type { WorkshopTeam } from '../../../engine/workshop/types';
import { savedWorkshopSession } from '../projectorSource';

export function printSourceFromStorage(
  storage: Storage | null,
): { setup: GameSetup; teams: WorkshopTeam[] } | null {
  const session = savedWorkshopSession(storage);
  return session && { setup: session.setup, teams: session.meta.teams };
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
