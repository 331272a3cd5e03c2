// The news as readers see it: the engine writes each item's headline and body into the game
// record (src/engine/news.ts); this tidies those words for every screen and report that shows
// them (briefing, projector, reports, the networked room's devices), and drops the repeats a
// reader does not need.

import type { NewsItem, Scenario } from '../engine/types';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The news as readers see it (briefing, projector, reports): the words the record's headlines
 * were written with, tidied.
 * - A domain's id in a sentence becomes its name ("its ASL-3 cbrn threshold" → "its ASL-3 CBRN
 *   weapons threshold").
 * - A lab name ending in s takes a bare apostrophe ("Aster Labs's" → "Aster Labs'").
 * - The board's push to move faster is news when it starts, not every quarter it goes on: an
 *   item repeating last quarter's for the same lab is left out.
 * Pure; takes the whole list (a repeat is judged against the quarter before) and returns it in
 * order, so callers filter by quarter afterwards.
 */
export function readableNews(
  scenario: Scenario,
  labs: readonly { id: string; name: string }[],
  news: readonly NewsItem[],
): NewsItem[] {
  const pressed = new Set(
    news.filter((n) => n.kind === 'board' && n.lab !== null).map((n) => `${n.lab}@${n.round}`),
  );
  const sEnding = labs.filter((l) => /s$/i.test(l.name));
  const tidy = (text: string): string => {
    let out = text;
    for (const d of scenario.domains) {
      out = out.replace(
        new RegExp(`(\\S) ${escapeRegExp(d.id)} threshold\\b`, 'g'),
        `$1 ${d.name} threshold`,
      );
    }
    for (const l of sEnding) {
      out = out.replace(new RegExp(`${escapeRegExp(l.name)}(['’])s\\b`, 'g'), `${l.name}$1`);
    }
    return out;
  };
  return news
    .filter((n) => !(n.kind === 'board' && pressed.has(`${n.lab}@${n.round - 1}`)))
    .map((n) => {
      const headline = tidy(n.headline);
      const body = tidy(n.body);
      return headline === n.headline && body === n.body ? n : { ...n, headline, body };
    });
}

/** The label over each kind of news item in a lab's own briefing (its board, its researchers). */
export const BRIEFING_NEWS_LABEL: Record<NewsItem['kind'], string> = {
  inject: 'News',
  incident: 'Incident',
  announcement: 'Announcement',
  revision: 'Policy',
  audit: 'Audit',
  regulation: 'Regulator',
  pause: 'Pause agreement',
  board: 'Your board',
  deployment: 'Release',
  evals: 'Your researchers',
};

/** The same on the room's projector, which speaks to no lab in particular. */
export const PUBLIC_NEWS_LABEL: Record<NewsItem['kind'], string> = {
  ...BRIEFING_NEWS_LABEL,
  board: 'Board',
  evals: 'Research',
};
