// The page's storage, in a module of its own: the app shell asks for it before it knows which
// mode opens, and it must not bring the save format (and the engine that replays saves) with it.

/** The page's localStorage, or null where reaching it throws (some private modes) or it is missing. */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
