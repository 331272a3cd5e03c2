// Small phrases every part of the debrief uses.

import type { GameState } from '../../engine/types';

export function labName(state: GameState, id: string): string {
  return state.labs.find((l) => l.id === id)?.name ?? id;
}

/** "Meridian's", "Lantern Labs'" (or with the typographic apostrophe the room's cards use). */
export function possessive(name: string, apostrophe: "'" | '’' = "'"): string {
  return /s$/i.test(name) ? `${name}${apostrophe}` : `${name}${apostrophe}s`;
}

/** "1 quarter", "3 quarters". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
