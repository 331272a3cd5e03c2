import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { timelineData } from '../../src/presentation/timeline/timelineData';
import { markersPath, quarterTicks, shapePath, type Shape } from '../../src/ui/chart/shapes';
import TimelineCard from '../../src/ui/chart/TimelineCard.svelte';
import { TRACK_LABEL } from '../../src/ui/game/names';
import { finishedGame, playedGame, playerId, shortest } from './helpers';

describe('TimelineCard', () => {
  it('has a data-table alternative with one row per quarter, built when it is opened', async () => {
    const state = playedGame(4);
    const data = timelineData(shortest, state, playerId(shortest), { reveal: false });
    render(TimelineCard, {
      data,
      trackNames: TRACK_LABEL,
      title: 'Your lab over time',
      onDomainChange: vi.fn(),
    });
    expect(document.querySelector('table')).toBeNull();
    await userEvent.click(screen.getByText('Show the data as a table'));
    const table = await screen.findByRole('table');
    const body = within(table).getAllByRole('rowgroup')[1] as HTMLElement;
    const rows = within(body).getAllByRole('row');
    expect(rows).toHaveLength(state.round);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(
      Array.from({ length: state.round }, (_, i) => `Q${i + 1}`),
    );
    // Before the debrief, no truth is shown.
    expect(within(table).queryByRole('columnheader', { name: /true capability/i })).toBeNull();
  });

  it('reveals true capability in the debrief', async () => {
    const state = finishedGame();
    const data = timelineData(shortest, state, playerId(shortest), { reveal: true });
    render(TimelineCard, {
      data,
      trackNames: TRACK_LABEL,
      title: 'Truth',
      onDomainChange: vi.fn(),
    });
    await userEvent.click(screen.getByText('Show the data as a table'));
    expect(
      await screen.findByRole('columnheader', { name: /true capability/i }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(state.history.length + 1);
  });

  it('reads one quarter at a time with the arrow keys', async () => {
    const state = playedGame(3);
    const data = timelineData(shortest, state, playerId(shortest), { reveal: false });
    render(TimelineCard, { data, trackNames: TRACK_LABEL, title: 'T', onDomainChange: vi.fn() });
    const slider = screen.getByRole('slider', { name: /timeline/i });
    slider.focus();
    expect(slider).toHaveAttribute('aria-valuenow', String(state.round));
    await userEvent.keyboard('{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuenow', String(state.round - 1));
    expect(slider.getAttribute('aria-valuetext')).toMatch(/^Quarter 3\. Your move: Restrict/);
  });

  it('switches the capability domain', async () => {
    const state = playedGame(2);
    const onDomainChange = vi.fn();
    const data = timelineData(shortest, state, playerId(shortest), { reveal: false });
    render(TimelineCard, { data, trackNames: TRACK_LABEL, title: 'T', onDomainChange });
    const other = shortest.domains.find((d) => d.id !== data.domain);
    if (!other) return;
    await userEvent.click(screen.getByRole('button', { name: other.name }));
    expect(onDomainChange).toHaveBeenCalledWith(other.id);
  });

  it('draws a series with the same few elements however many quarters it has', async () => {
    const id = playerId(shortest);
    const before = timelineData(shortest, playedGame(2), id, { reveal: false });
    const { rerender } = render(TimelineCard, {
      data: before,
      trackNames: TRACK_LABEL,
      title: 'T',
      onDomainChange: vi.fn(),
    });
    await userEvent.click(screen.getByText('Show the data as a table'));
    await screen.findByRole('table');
    const seriesElements = () => document.querySelectorAll('.chart svg .series *').length;
    const elements = seriesElements();
    const after = playedGame(5);
    await rerender({
      data: timelineData(shortest, after, id, { reveal: false, previous: before }),
    });
    expect(after.history.length).toBeGreaterThan(2);
    // Every point's marker is in one path per series (and every error bar in another).
    expect(seriesElements()).toBe(elements);
    const rows = within(screen.getAllByRole('rowgroup')[1] as HTMLElement).getAllByRole('row');
    expect(rows).toHaveLength(after.round);
  });
});

describe('Timeline', () => {
  it('draws the chart once, at its container’s width, as it opens', () => {
    const width = vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(900);
    const changed: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        if (r.target instanceof SVGElement) changed.push(`${r.target.tagName} ${r.attributeName}`);
      }
    });
    observer.observe(document.body, { attributes: true, subtree: true });
    try {
      const data = timelineData(shortest, playedGame(4), playerId(shortest), { reveal: false });
      render(TimelineCard, { data, trackNames: TRACK_LABEL, title: 'T', onDomainChange: vi.fn() });
      changed.push(...observer.takeRecords().map((r) => `${r.target.nodeName} ${r.attributeName}`));
      expect(document.querySelector('.chart svg')).toHaveAttribute('width', '900');
      // Nothing in the drawing was redrawn after it was put in the page (at 760 px, then 900).
      expect(changed).toEqual([]);
    } finally {
      observer.disconnect();
      width.mockRestore();
    }
  });
});

describe('markersPath', () => {
  const shapes: Shape[] = ['circle', 'square', 'triangle', 'diamond', 'cross', 'star', 'wye'];

  it('draws the same marker shapes as shapePath, one at each point', () => {
    for (const shape of shapes) {
      expect(markersPath(shape, 34, [[0, 0]])).toBe(shapePath(shape, 34));
      const two = markersPath(shape, 44, [
        [0, 0],
        [0, 0],
      ]);
      expect(two).toBe(shapePath(shape, 44).repeat(2));
    }
    // Moved by the point: the triangle's tip, 5.116 above its centre at size 34.
    expect(markersPath('triangle', 34, [[10, 20]])).toMatch(/^M10,14\.884L/);
    expect(markersPath('circle', 34, [])).toBe('');
  });
});

describe('quarterTicks', () => {
  const px = (round: number) => round * 34;
  it('never prints another quarter within reach of the wider "now" label', () => {
    for (let current = 1; current <= 13; current++) {
      const ticks = quarterTicks(13, 1, current, px);
      expect(ticks).toContain(current);
      for (const t of ticks) {
        if (t !== current) expect(Math.abs(px(t) - px(current))).toBeGreaterThanOrEqual(44);
      }
    }
  });
  it('keeps every step and the end when there is no current quarter', () => {
    expect(quarterTicks(13, 2, null, px)).toEqual([1, 3, 5, 7, 9, 11, 13]);
  });
});
