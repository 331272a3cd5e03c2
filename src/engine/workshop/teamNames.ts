// When two team names are the same name: compared after Unicode compatibility normalisation
// (NFKC: "Ｔｅａｍ" and "Team", "ﬁ" and "fi", a composed "é" and e + accent), without invisible
// characters (zero-width spaces and joiners, soft hyphens, direction marks and every other
// format or default-ignorable character), with runs of spaces as one, and ignoring case. The name
// shown is the one typed; only the comparison is normalised.

// Format characters (Cf) and default-ignorable code points (e.g. U+3164 HANGUL FILLER).
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;

/** The key two team names are compared by: equal keys are the same name to a reader. */
export function teamNameKey(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** Whether a name shows nothing at all (empty, spaces or invisible characters only). */
export function isBlankName(name: string): boolean {
  return teamNameKey(name) === '';
}
