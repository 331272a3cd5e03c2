import type { GameSetup } from '../../engine/machines/gameMachine';
import type { Scenario } from '../../engine/types';

/** What App gives solo play (SoloGame, which hands it on to SoloSession). */
export interface SoloProps {
  scenarios: readonly Scenario[];
  storage: Storage | null;
  /** Where the page's URL fragment is read and cleared (a share link). */
  location?: { hash: string; clear: () => void } | null;
  /** A game to start now (the policy editor's "Play solo under this policy"). */
  play?: GameSetup | null;
  /** Called once `play` has started, so that it is not started again. */
  onPlayStarted?: () => void;
}
