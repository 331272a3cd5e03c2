// What each rival did over the game, in a few sentences.

import { BOT_DESCRIPTIONS } from '../botWords';
import { rowsOf } from '../../engine/debriefFacts';
import { POSTURE_RULES } from '../../engine/postures';
import type { GameState, LabState, Posture } from '../../engine/types';
import { POSTURES } from '../../engine/types';

export function rivalSummary(state: GameState, lab: LabState): string {
  const rows = rowsOf(state, lab.id);
  const count = (p: Posture) => rows.filter((r) => r.effectivePosture === p).length;
  const broken = rows.filter((r) => r.compliance === 'broken').length;
  const held = rows.filter(
    (r) => r.overriddenBy === 'policy' || r.overriddenBy === 'regulator',
  ).length;
  const quiet = lab.policy.revisions.filter((r) => !r.publicly);
  const exposed = quiet.filter((r) => r.exposed).length;
  const open = lab.policy.revisions.length - quiet.length;
  const incidents = state.history.flatMap((r) => r.incidents).filter((i) => i.lab === lab.id);
  const postures = [...POSTURES]
    .reverse()
    .map((p) => [POSTURE_RULES[p].words.done, count(p)] as const)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what} ${n}`);
  const parts = [
    `${BOT_DESCRIPTIONS[lab.strategy].name}. Over ${rows.length} quarter${rows.length === 1 ? '' : 's'}: ${postures.join(', ') || 'no decisions'}.`,
  ];
  parts.push(
    broken === 0
      ? 'Never went past its own commitment.'
      : `Went past its own commitment ${broken} time${broken === 1 ? '' : 's'}.`,
  );
  if (held > 0) parts.push(`Held back by binding rules ${held} time${held === 1 ? '' : 's'}.`);
  if (quiet.length > 0) {
    parts.push(
      `Quietly revised ${quiet.length} threshold${quiet.length === 1 ? '' : 's'} (${exposed === 0 ? 'none' : exposed} exposed).`,
    );
  }
  if (open > 0) parts.push(`Publicly revised ${open} threshold${open === 1 ? '' : 's'}.`);
  if (incidents.length > 0) {
    const serious = incidents.filter((i) => i.severity !== 'warning').length;
    parts.push(
      `Its models caused ${incidents.length} incident${incidents.length === 1 ? '' : 's'}${serious > 0 ? ` (${serious} serious or worse)` : ''}.`,
    );
  }
  if (lab.halted) parts.push('Halted by the regulator.');
  return parts.join(' ');
}
