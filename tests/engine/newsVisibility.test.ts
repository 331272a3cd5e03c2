import { describe, expect, it } from 'vitest';
import { labNews, worldNews } from '../../src/engine/news';
import { isPublicNews, newsVisibleTo } from '../../src/engine/view';

describe('who hears which news', () => {
  const news = [
    labNews(3, 'a', { kind: 'board' }),
    labNews(3, 'b', { kind: 'evals' }),
    labNews(3, 'a', { kind: 'deployment' }),
    worldNews(3, { kind: 'inject', headline: 'Weights stolen', body: '' }),
  ];
  const seen = (lab: string) => newsVisibleTo(news, lab).map((n) => `${n.kind}:${n.lab}`);
  it('keeps a lab’s board and researchers’ reports for that lab alone', () => {
    expect(seen('a')).toEqual(['board:a', 'deployment:a', 'inject:null']);
    expect(seen('b')).toEqual(['evals:b', 'deployment:a', 'inject:null']);
  });
  it('shows the room only public news', () => {
    expect(news.filter(isPublicNews).map((n) => n.kind)).toEqual(['deployment', 'inject']);
  });
});
