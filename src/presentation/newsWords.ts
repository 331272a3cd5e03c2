// The news as readers see it: the engine records each item as a fact (src/engine/types.ts,
// NewsItem); this words the facts for every screen and report that shows them (briefing,
// projector, reports, the networked room's devices, the debrief) and drops the repeats a reader
// does not need. The sentences themselves are in newsSentences.ts.

import type { NewsItem, Scenario } from '../engine/types';
import { newsSentence, type NamedLabs } from './newsSentences';

/** A news item in words: what every reader of the news receives. */
export interface WordedNews {
  round: number;
  kind: NewsItem['kind'];
  /** The lab the item concerns (its id), if any. */
  lab: string | null;
  headline: string;
  body: string;
}

/** One item in words, in the scenario's and the game's names. */
export function wordNews(item: NewsItem, scenario: Scenario, labs: NamedLabs): WordedNews {
  const { headline, body } = newsSentence(item, scenario, labs);
  return { round: item.round, kind: item.kind, lab: item.lab, headline, body };
}

/**
 * The news as readers see it (briefing, projector, reports), in words. The board's push to move
 * faster is news when it starts, not every quarter it goes on: an item repeating last quarter's
 * for the same lab is left out. Pure; takes the whole list (a repeat is judged against the
 * quarter before) and returns it in order, so callers filter by quarter afterwards.
 */
export function readableNews(
  scenario: Scenario,
  labs: NamedLabs,
  news: readonly NewsItem[],
): WordedNews[] {
  const pressed = new Set(news.filter((n) => n.kind === 'board').map((n) => `${n.lab}@${n.round}`));
  return news
    .filter((n) => !(n.kind === 'board' && pressed.has(`${n.lab}@${n.round - 1}`)))
    .map((n) => wordNews(n, scenario, labs));
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
