// The workshop's after-action report: the game report (markdown.ts, every team named)
// with the workshop's own record added — who played which lab, the commitments and agreements
// announced at the table with what became of them, and the injects the facilitator fired.

import { missedCrossingsByLadder } from '../../engine/debriefFacts';
import { domainName, levelName } from '../../engine/scenarioNames';
import type { FiredInject } from '../../engine/game';
import { percent } from '../../engine/numbers';
import type { GameState, MissedCrossing, Scenario } from '../../engine/types';
import { assessCommitments } from '../../engine/workshop/commitments';
import { describeEffect } from '../workshop/injectWords';
import { teamNamesByLab } from '../../engine/workshop/seats';
import { COMMITMENT_KIND_LABEL, evidenceWords, VERDICT_WORDS } from '../workshop/commitmentWords';
import type { WorkshopMeta } from '../../engine/workshop/types';
import type { StressComparison } from '../../engine/workshop/stressTest';
import { driftMarkdown } from './drift';
import { gameLengthNote, type GameLength } from './gameLength';
import { gameReportMarkdown, md, markdownTable } from './markdown';

/** The workshop's own sections, in Markdown. */
export function workshopSectionsMarkdown(
  scenario: Scenario,
  state: GameState,
  meta: WorkshopMeta,
  length: GameLength = {},
  stress: readonly StressComparison[] | null = null,
): string[] {
  const name = (id: string) => state.labs.find((l) => l.id === id)?.name ?? id;
  const lines: string[] = [];
  const note = gameLengthNote(scenario, state, length);
  if (note) {
    lines.push(
      note.cutShort ? '## Cut short' : '## A shortened game',
      '',
      note.summary,
      '',
      'What that leaves out:',
      '',
      ...note.leftOut.map((sentence) => `- ${md(sentence)}`),
      '',
    );
  }
  lines.push('## Teams', '');
  lines.push(
    ...markdownTable(
      ['Team', 'Lab'],
      meta.teams.map((t) => [md(t.name), md(name(t.lab))]),
    ),
    '',
    `Bots played ${
      state.labs
        .filter((l) => !meta.teams.some((t) => t.lab === l.id))
        .map((l) => md(l.name))
        .join(', ') || 'no seat'
    }.`,
    '',
  );

  lines.push(...driftMarkdown(scenario, state, meta.teams, stress));
  lines.push(...missedByLadderMarkdown(scenario, state, meta));

  lines.push('## Commitments and agreements announced at the table', '');
  if (meta.commitments.length === 0) {
    lines.push('No public commitments were recorded.', '');
  } else {
    lines.push(
      'Verdicts: the facilitator’s mark where given, otherwise what the game record shows (only what each lab’s own evals showed counts).',
      '',
      ...markdownTable(
        ['Quarter', 'Parties', 'Commitment', 'Kind', 'Verdict', 'Evidence'],
        assessCommitments(meta.commitments, scenario, state).map(({ commitment, assessment }) => [
          commitment.until === null
            ? `${commitment.round}–`
            : `${commitment.round}–${commitment.until}`,
          commitment.parties.map((p) => md(name(p))).join(', '),
          md(commitment.text),
          md(COMMITMENT_KIND_LABEL[commitment.terms.kind]),
          `${commitment.mark ? `**${VERDICT_WORDS[assessment.verdict]}** (facilitator)` : VERDICT_WORDS[assessment.verdict]}`,
          assessment.evidence
            .map((e) => `Q${e.round}: ${md(evidenceWords(e, scenario, state.labs))}`)
            .join(' ') || '—',
        ]),
      ),
      '',
    );
  }

  lines.push('## Injects fired by the facilitator', '');
  if (meta.injects.length === 0) {
    lines.push('None: only the scenario’s scripted events fired.', '');
  } else {
    lines.push(
      ...markdownTable(
        ['Quarter', 'Headline', 'Effect'],
        meta.injects.map((i) => [
          String(i.round),
          md(i.event.headline) + earlyNote(i, scenario),
          md(describeEffect(i.event.effect, scenario)),
        ]),
      ),
      '',
    );
  }
  return lines;
}

/**
 * The teams' missed crossings on the ladder each started with and on its revised one, labelled:
 * a loosened threshold can hide a crossing from the second that the first still shows.
 */
function missedByLadderMarkdown(
  scenario: Scenario,
  state: GameState,
  meta: WorkshopMeta,
): string[] {
  const both = missedCrossingsByLadder(
    scenario,
    state,
    meta.teams.map((t) => t.lab),
  );
  const team = (id: string) => meta.teams.find((t) => t.lab === id)?.name ?? id;
  const table = (list: readonly MissedCrossing[]) =>
    list.length === 0
      ? ['None.']
      : markdownTable(
          [
            'Quarter',
            'Team',
            'Level',
            'Domain',
            'True by the quarter’s end',
            'Evals showed',
            'Threshold',
          ],
          list.map((m) => [
            String(m.round),
            md(team(m.lab)),
            md(levelName(scenario, m.levelId)),
            md(domainName(scenario, m.domain)),
            percent(m.trueCapability),
            percent(m.measured),
            percent(m.threshold),
          ]),
        );
  const lines = ['## The teams’ missed crossings, ladder by ladder', ''];
  if (both.revisedLabs.length === 0) {
    lines.push('No team revised a threshold: the ladder each started with is the only one.', '');
    lines.push(...table(both.starting), '');
    return lines;
  }
  lines.push('### Against the ladder each team started with', '', ...table(both.starting), '');
  lines.push(
    '### Against the revised ladder',
    '',
    `As the thresholds stood each quarter, after the revisions by ${both.revisedLabs.map((id) => md(team(id))).join(', ')}.`,
    '',
    ...table(both.revised),
    '',
  );
  return lines;
}

/** " (scripted for quarter 5, fired early)" for a scripted event fired before its quarter. */
function earlyNote(inject: FiredInject, scenario: Scenario): string {
  const scheduled = inject.scripted === undefined ? undefined : scenario.events[inject.scripted];
  return scheduled && scheduled.round > inject.round
    ? ` (scripted for quarter ${scheduled.round}, fired early)`
    : '';
}

/** The full after-action report: every team named, the workshop's record before the footer. */
export function workshopReportMarkdown(
  scenario: Scenario,
  state: GameState,
  meta: WorkshopMeta,
  length: GameLength = {},
  /** The stress test of the teams' policies, when the facilitator ran it. */
  stress: readonly StressComparison[] | null = null,
): string {
  const teamLabs = meta.teams.map((t) => t.lab);
  const game = gameReportMarkdown(scenario, state, teamLabs, teamNamesByLab(meta.teams), {
    endedEarly: length.endedEarly === true,
  });
  const title = `# Threshold workshop after-action report: ${md(scenario.title)}`;
  const body = game.replace(/^# .*$/m, () => title);
  const extra = workshopSectionsMarkdown(scenario, state, meta, length, stress).join('\n');
  const footer = body.lastIndexOf('\n---\n');
  return footer < 0
    ? `${body}\n${extra}\n`
    : `${body.slice(0, footer)}\n${extra}${body.slice(footer)}`;
}
