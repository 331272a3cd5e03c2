// One quarter of the timeline in words: what the chart's hover and keyboard cursor show, and what
// a screen reader hears as the slider's value.

import { percent as pct } from '../../engine/numbers';
import { postureName } from '../../engine/postures';
import type { SafeguardTrack } from '../../engine/types';
import type { QuarterRow, TimelineData } from './types';

/** The lines for `row`: the move, the eval, the truth once revealed, safeguards, risk, market, news. */
export function quarterLines(
  data: TimelineData,
  row: QuarterRow,
  trackNames: Record<SafeguardTrack, string>,
): string[] {
  const lines: string[] = [];
  if (row.posture) {
    let move = postureName(row.posture);
    if (row.chosen && row.chosen !== row.posture) move += ` (you chose ${postureName(row.chosen)})`;
    if (row.compliance === 'broken') move += ' — broke your commitment';
    lines.push(`Your move: ${move}`);
  } else {
    lines.push('Your move: not decided yet');
  }
  if (row.measured !== null) {
    lines.push(
      `${data.domainName} eval: ${pct(row.measured)}${row.uncertainty !== null ? ` ± ${pct(row.uncertainty, 1)}` : ''}`,
    );
  } else {
    lines.push(`${data.domainName} eval: no eval this quarter`);
  }
  if (row.truth !== null) lines.push(`${data.domainName} true capability: ${pct(row.truth)}`);
  lines.push(
    `Safeguards: ${(['security', 'deployment', 'alignment'] as SafeguardTrack[])
      .map((t) => `${trackNames[t]} ${pct(row.safeguards[t])}`)
      .join(', ')}`,
  );
  if (row.estimatedRisk !== null) lines.push(`Risk (estimated): ${pct(row.estimatedRisk, 1)}`);
  if (row.trueRisk !== null) lines.push(`Risk (true): ${pct(row.trueRisk, 1)}`);
  lines.push(`Market share: ${pct(row.marketShare)}`);
  for (const i of row.incidents) lines.push(i);
  for (const m of data.markers) {
    if (m.kind === 'rival' && m.round === row.round) lines.push(`Rivals: ${m.label}`);
  }
  for (const m of row.missed) lines.push(`Missed crossing: ${m}`);
  return lines;
}
