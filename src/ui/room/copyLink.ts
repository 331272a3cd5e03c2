// Copying a link to the clipboard from a console, and what to tell the facilitator either way
// (a browser may refuse the clipboard: then the link is on screen to select by hand).

export async function copyLink(link: string, what: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(link);
    return `${what}: link copied.`;
  } catch {
    return `Copying was not allowed: select the link under ${what} and copy it.`;
  }
}
