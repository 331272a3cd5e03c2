// The moments that mattered, in order: true and known level crossings, missed crossings, broken
// commitments, threshold revisions, incidents, the pause agreement, audits, regulation, the end.

import { HIGH_BOARD_PRESSURE } from '../../engine/bots/building-blocks';
import {
  missedCrossingEpisodes,
  pressureAtDecision,
  rowsOf,
  type Row,
} from '../../engine/debriefFacts';
import { describeIncident } from '../incidentWords';
import { readableNews } from '../newsWords';
import { percent } from '../../engine/numbers';
import { labPolicy } from '../../engine/policies';
import { POSTURE_RULES } from '../../engine/postures';
import { domainName, levelName } from '../../engine/scenarioNames';
import type { GameState, LabState, LevelSpec, PolicyRevision, Scenario } from '../../engine/types';
import { REGULATION_NAMES } from '../regulationWords';
import { missedCrossingWords } from './missedWords';
import { outcomeWords } from './outcome';
import { labName, possessive } from './words';

/** Where a level is on a lab's own policy's ladder (−1: none). */
function levelIndex(ladder: readonly LevelSpec[], id: string | null): number {
  return id === null ? -1 : ladder.findIndex((l) => l.id === id);
}

interface Moment {
  round: number;
  order: number;
  text: string;
}

function crossingMoments(scenario: Scenario, state: GameState, lab: string): Moment[] {
  const rows = rowsOf(state, lab);
  const name = labName(state, lab);
  const moments: Moment[] = [];
  const ladder = labPolicy(scenario, lab).levels;
  ladder.forEach((level, index) => {
    const trueRow = rows.find((r) => levelIndex(ladder, r.trueLevel) >= index);
    const knownRow = rows.find((r) => levelIndex(ladder, r.knownLevel) >= index);
    if (trueRow) {
      const shown =
        knownRow && knownRow.round <= trueRow.round
          ? ''
          : knownRow
            ? ` Its evals first showed it in quarter ${knownRow.round}.`
            : ' Its evals never showed it.';
      moments.push({
        round: trueRow.round,
        order: 0,
        text: `${possessive(name)} model truly reached ${level.name} (hidden during play).${shown}`,
      });
    }
    if (knownRow) {
      moments.push({
        round: knownRow.round,
        order: 1,
        text: `${possessive(name)} evals showed ${level.name} for the first time; ${POSTURE_RULES[knownRow.allowedPosture].words.verdict}.`,
      });
    }
  });
  return moments;
}

function brokenMoments(state: GameState, lab: string): Moment[] {
  const rows = rowsOf(state, lab);
  const name = labName(state, lab);
  const moments: Moment[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    if (row.compliance !== 'broken') continue;
    const previous = rows[i - 1];
    if (previous?.compliance === 'broken' && previous.round === row.round - 1) continue;
    let more = 0;
    for (let j = i + 1; j < rows.length; j++) {
      const next = rows[j] as Row;
      if (next.compliance !== 'broken' || next.round !== row.round + (j - i)) break;
      more++;
    }
    const pressure = pressureAtDecision(state, lab, row.round);
    const pressed =
      pressure > HIGH_BOARD_PRESSURE
        ? `, with its board pressing hard (pressure ${percent(pressure)})`
        : '';
    const after =
      more > 0 ? ` It did so for ${more} more quarter${more === 1 ? '' : 's'} in a row.` : '';
    moments.push({
      round: row.round,
      order: 3,
      text: `${name} broke its own commitment: it ${POSTURE_RULES[row.effectivePosture].words.did} although its policy said ${row.allowedPosture}${pressed}.${after}`,
    });
  }
  return moments;
}

/** A lab's threshold revisions, one moment per quarter and kind (public or quiet). */
function revisionMoments(scenario: Scenario, lab: LabState): Moment[] {
  const groups = new Map<string, PolicyRevision[]>();
  for (const r of lab.policy.revisions) {
    const key = `${r.round}:${r.publicly}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((revisions) => {
    const first = revisions[0] as PolicyRevision;
    const how = first.publicly ? 'publicly' : 'quietly';
    const loosened = revisions.every((r) => r.to > r.from);
    const tightened = revisions.every((r) => r.to < r.from);
    const verb = loosened ? 'loosened' : tightened ? 'tightened' : 'changed';
    const what = revisions
      .map(
        (r) =>
          `${levelName(scenario, r.levelId)} ${domainName(scenario, r.domain)} from ${percent(r.from)} to ${percent(r.to)}`,
      )
      .join('; ');
    const exposed = revisions.filter((r) => r.exposed).length;
    const exposure = first.publicly
      ? ''
      : exposed === revisions.length
        ? ' It later came to light.'
        : exposed === 0
          ? ' Nobody found out.'
          : ` ${exposed} of these later came to light.`;
    const noun = revisions.length === 1 ? 'threshold' : `${revisions.length} thresholds`;
    return {
      round: first.round,
      order: 4,
      text: `${lab.name} ${how} ${verb} its ${noun}: ${what}.${exposure}`,
    };
  });
}

export function keyMoments(
  scenario: Scenario,
  state: GameState,
  focus: readonly string[],
): Moment[] {
  const readable = readableNews(scenario, state.labs, state.world.news);
  const moments: Moment[] = [];
  for (const lab of focus) moments.push(...crossingMoments(scenario, state, lab));
  for (const m of missedCrossingEpisodes(state, focus)) {
    moments.push({
      round: m.round,
      order: 2,
      text: `Missed crossing at ${labName(state, m.lab)}: ${missedCrossingWords(scenario, m, 'its evals')}.`,
    });
  }
  for (const lab of focus) moments.push(...brokenMoments(state, lab));
  for (const lab of state.labs) moments.push(...revisionMoments(scenario, lab));

  let regulation = 0;
  let pactTriggers = 0;
  for (const round of state.history) {
    for (const i of round.incidents) {
      const d = describeIncident(i, labName(state, i.lab));
      moments.push({ round: round.round, order: 5, text: `${d.headline}.` });
    }
    if (round.pauseAgreementTriggered) {
      pactTriggers++;
      if (pactTriggers === 1) {
        moments.push({
          round: round.round,
          order: 6,
          text: 'The conditional pause agreement triggered: a member found a dangerous capability without the safeguards to match, and every member was asked to pause.',
        });
      }
    }
    for (const n of readable.filter((x) => x.round === round.round)) {
      if (n.kind === 'pause' && n.lab !== null) {
        moments.push({ round: round.round, order: 6, text: `${n.headline}.` });
      } else if (n.kind === 'audit' && n.lab !== null && focus.includes(n.lab)) {
        moments.push({ round: round.round, order: 7, text: `${n.headline}.` });
      }
    }
    if (round.regulation > regulation) {
      moments.push({
        round: round.round,
        order: 8,
        text: `Regulation rises to level ${round.regulation}: ${REGULATION_NAMES[round.regulation]}.`,
      });
      regulation = round.regulation;
    }
  }
  if (pactTriggers > 1) {
    const first = moments.find((m) => m.order === 6 && m.text.startsWith('The conditional'));
    if (first) first.text += ` It triggered in ${pactTriggers} quarters in all.`;
  }
  if (state.outcome) {
    const o = outcomeWords(state, focus);
    moments.push({ round: state.outcome.round, order: 9, text: `${o.title}.` });
  }
  return moments.sort((a, b) => a.round - b.round || a.order - b.order);
}
