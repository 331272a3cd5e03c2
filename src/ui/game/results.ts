// What a screen reader hears when a quarter's results come in: the quarter just played, from the
// lab's own chart data (words only: every figure is timelineData's).
import type { TimelineData } from '../../presentation/timeline/types';
import { pct } from './names';

/**
 * "Quarter 3 ended for Aster Labs. Your move: Deploy. No incident at your lab. Quarter 4 begins:
 * CBRN weapons eval 48% ± 6.0%, market share 17%. 3 items in the briefing." Empty before the
 * first quarter has been played and once the game is over.
 */
export function quarterResults(data: TimelineData, briefingItems: number): string {
  const now = data.currentRound;
  if (now === null || now <= 1) return '';
  const played = now - 1;
  const row = data.rows.find((r) => r.round === played);
  const current = data.rows.find((r) => r.round === now);
  const move = data.markers.find((m) => m.kind === 'decision' && m.round === played);
  const parts = [`Quarter ${played} ended for ${data.labName}.`];
  if (move) parts.push(`Your move: ${move.label}.`);
  parts.push(
    row?.incidents.length
      ? `At your lab: ${row.incidents.join('; ')}.`
      : 'No incident at your lab.',
  );
  if (current) {
    const evals =
      current.measured === null
        ? `no new ${data.domainName} eval`
        : `${data.domainName} eval ${pct(current.measured)}${current.uncertainty !== null ? ` ± ${pct(current.uncertainty, 1)}` : ''}`;
    parts.push(`Quarter ${now} begins: ${evals}, market share ${pct(current.marketShare)}.`);
  }
  parts.push(
    briefingItems === 0
      ? 'Nothing new in the briefing.'
      : `${briefingItems} ${briefingItems === 1 ? 'item' : 'items'} in the briefing.`,
  );
  return parts.join(' ');
}
