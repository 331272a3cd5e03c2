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
