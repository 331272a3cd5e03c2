// The workshop setup form's draft as a request to create a networked room (POST /api/rooms): a
// shipped scenario by its id (the server has the same files), a scenario loaded from a file by
// its contents (the server checks them as it checks any scenario file).

import type { Scenario } from '../engine/types';
import type { WorkshopDraft } from '../engine/workshop/seats';
import type { SessionDraft } from '../engine/workshop/sessionDraft';
import type { CreateRoomRequest } from './roomProtocol';

export function roomRequestFrom(
  draft: WorkshopDraft,
  session: SessionDraft,
  shipped: readonly Scenario[],
): CreateRoomRequest {
  const isShipped = shipped.some((s) => s === draft.scenario);
  return {
    scenario: isShipped
      ? draft.scenario.id
      : (JSON.parse(JSON.stringify(draft.scenario)) as Record<string, unknown>),
    teams: draft.teams.map((t) =>
      t.labName.trim() === '' ? { name: t.name } : { name: t.name, labName: t.labName },
    ),
    seed: draft.seed,
    timerSeconds: draft.timerSeconds,
    ...(session.quarters === null ? {} : { quarters: session.quarters }),
    ...(session.pin === '' ? {} : { pin: session.pin }),
    ...(session.policyStep
      ? {
          policyStep: {
            minutes: session.policyStep.minutes,
            disclosure: session.policyStep.disclosure,
          },
        }
      : {}),
  };
}
