// Sections of MODEL.md, for the Explorer to show where its readings cite the model card. The app
// ships MODEL.md's text (loaded only when asked for) and shows a section as the plain text it is:
// from its heading to the next heading of the same or a higher level. Pure.

/** The text of the section headed `heading` (any level), heading line included; null if none. */
export function modelSection(markdown: string, heading: string): string | null {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^#{1,6} /.test(l) && l.replace(/^#+ /, '') === heading);
  if (start < 0) return null;
  const level = (lines[start] as string).indexOf(' ');
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^(#{1,6}) /.exec(lines[i] as string);
    if (m && (m[1] as string).length <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n').trimEnd();
}
