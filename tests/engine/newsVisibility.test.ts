import { describe, expect, it } from 'vitest';
import { newsItem } from '../../src/engine/news';
import { isPublicNews, newsVisibleTo } from '../../src/engine/view';

describe('who hears which news', () => {
  const news = [
    newsItem(3, 'board', 'Team A board presses', '', 'a'),
    newsItem(3, 'evals', 'Team B researchers report a jump', '', 'b'),
    newsItem(3, 'deployment', 'Team A releases its model', '', 'a'),
    newsItem(3, 'inject', 'Weights stolen', ''),
  ];
  it('keeps a lab’s board and researchers’ reports for that lab alone', () => {
    expect(newsVisibleTo(news, 'a').map((n) => n.headline)).toEqual([
      'Team A board presses',
      'Team A releases its model',
      'Weights stolen',
    ]);
    expect(newsVisibleTo(news, 'b').map((n) => n.headline)).toEqual([
      'Team B researchers report a jump',
      'Team A releases its model',
      'Weights stolen',
    ]);
  });
  it('shows the room only public news', () => {
    expect(news.filter(isPublicNews).map((n) => n.kind)).toEqual(['deployment', 'inject']);
  });
});
