// The printables a workshop offers and the address of each (`#print=<kind>`). Apart from the
// print window's reader (printSource.ts) so that the console's links to them fetch no reader.

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
