import type { NewsItem } from './types';

export function newsItem(
  round: number,
  kind: NewsItem['kind'],
  headline: string,
  body: string,
  lab: string | null = null,
): NewsItem {
  return { round, kind, headline, body, lab };
}
