// What a reload keeps when a part of the workshop's screens cannot be fetched (LazyPart's `kept`):
// the workshop is saved after every action, so the laptop's, the room's and the phones' alerts
// all say the same.
export const SESSION_KEPT = 'the workshop is saved and resumes where it was';
