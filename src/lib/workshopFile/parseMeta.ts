// A session record read against its game: the shape (recordSchema), an older format brought up
// to date (recordMigration), the fields checked against each other (recordChecks) and the live
// injects (injectsCheck), then the log replayed with those injects.
import * as v from 'valibot';
import type { DecisionLog, RoundDecisions } from '../../engine/game';
import type { GameSetup } from '../../engine/machines/gameMachine';
import type { WorkshopMeta } from '../../engine/workshop/types';
import { problemMessage, replayChecked } from '../saveFormat';
import { checkInjects } from './injectsCheck';
import { recordProblem } from './recordChecks';
import { migrateRecord, type OlderRecord } from './recordMigration';
import { metaSchema, problemsOf } from './recordSchema';

/**
 * Check the session record against its game: teams hold exactly the human seats, every inject is
 * a valid event fired in a quarter the game has reached, and the log replays (with the injects)
 * to exactly its length. `humans`, `log` and `pending` are already checked against the scenario.
 */
export function parseWorkshopMeta(
  value: unknown,
  setup: GameSetup,
  log: DecisionLog,
  pending: RoundDecisions,
): { ok: true; meta: WorkshopMeta } | { ok: false; message: string } {
  const { scenario, seed, humans } = setup;
  const parsed = v.safeParse(metaSchema(scenario), value);
  if (!parsed.success) {
    return { ok: false, message: problemMessage(problemsOf(parsed.issues, ['extra'])) };
  }
  const meta: WorkshopMeta = migrateRecord(parsed.output as OlderRecord);
  const problem = recordProblem(meta, humans, log, scenario);
  if (problem) return { ok: false, message: problem };
  const checked = checkInjects(meta.injects, scenario, log);
  if (!checked.ok) return checked;
  const { injects } = checked;
  const { rounds, endAfter } = setup;
  const played = replayChecked(
    scenario,
    seed,
    humans,
    log,
    pending,
    { log: ['log'], pending: ['pending'] },
    {
      injects,
      mode: 'workshop',
      length: {
        ...(rounds !== undefined ? { rounds } : {}),
        ...(endAfter !== undefined ? { endAfter } : {}),
      },
    },
  );
  if (!played.ok) return played;
  if (played.state.outcome !== null && Object.keys(pending).length > 0) {
    return { ok: false, message: 'pending: the game is over, so no decisions can be waiting' };
  }
  return { ok: true, meta: { ...meta, injects } };
}
