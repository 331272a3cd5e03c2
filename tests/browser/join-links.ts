// The join links a networked room's console lists, read the way a facilitator finds them: the
// card headed with the team's (or the projector's) name, and the link on it.
import type { Page } from '@playwright/test';

export async function joinLinkOf(console: Page, name: string): Promise<string> {
  const links = console.getByRole('region', { name: 'Join links' });
  const href = await links
    .getByRole('listitem')
    .filter({ has: console.getByRole('heading', { name, exact: true }) })
    .getByRole('link')
    .getAttribute('href');
  return href ?? '';
}
