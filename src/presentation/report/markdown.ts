// The after-action report as Markdown: readable as plain text, renders as tables on any Markdown
// viewer. Every piece of text that came from a file (scenario, lab and level names, news, team
// names) goes through `md()`, so it stays text: no table is broken by a "|", no link or HTML is
// smuggled in by a name.

import { percent } from '../../engine/numbers';
import { BOT_DESCRIPTIONS } from '../botWords';
import { QUARTER_FIGURES, buildDebrief } from '../debrief/debrief';
import { missedCrossingEpisodes, startOfQuarter } from '../../engine/debriefFacts';
import { domainName, levelName } from '../../engine/scenarioNames';
import { readableNews, type WordedNews } from '../newsWords';
import { ENGINE_VERSION } from '../../engine/record';
import type { GameState, LabRoundRecord, Scenario } from '../../engine/types';
import { SAFEGUARD_TRACKS } from '../../engine/types';
import { policyActionWords } from './policyActionWords';

/**
 * Text from a file, made safe inline in Markdown (and in a table cell): line breaks become spaces
 * and every character Markdown could read as markup is backslash-escaped.
 */
export function md(text: string): string {
  return String(text)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|#~&!]/g, (c) => `\\${c}`);
}

const OVERRIDE_WORDS: Record<NonNullable<LabRoundRecord['overriddenBy']>, string> = {
  policy: 'binding policy',
  regulator: 'regulator',
  pauseAgreement: 'pause agreement',
  incidentResponse: 'incident response',
};

const COMPLIANCE_WORDS: Record<LabRoundRecord['compliance'], string> = {
  kept: 'kept',
  broken: '**broken**',
  notTriggered: 'not triggered',
};

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A Markdown table's lines: the header, its rule, then one line per row (cells already escaped). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

function labName(state: GameState, id: string): string {
  return state.labs.find((l) => l.id === id)?.name ?? id;
}

function levelOrDash(scenario: Scenario, id: string | null): string {
  return id === null ? '—' : md(levelName(scenario, id));
}

function quarterTable(scenario: Scenario, state: GameState, lab: string): string[] {
  const domains = scenario.domains;
  const header = [
    'Quarter',
    'Decision',
    'Taken',
    'Held back by',
    'Level (evals / true)',
    ...domains.map((d) => `${md(d.name)}: measured / true`),
    'Safeguards (security / deployment / alignment)',
    'Risk this quarter',
    'Commitment',
  ];
  const rows: string[][] = [];
  for (const round of state.history) {
    const r = round.labs.find((l) => l.lab === lab);
    if (!r) continue;
    // The quarter's states as at its start, as on the screen (QUARTER_FIGURES).
    const start = startOfQuarter(scenario, state, lab, round.round);
    const actions = r.decision.actions.map((a) => md(policyActionWords(a, scenario)));
    const decision = [r.decision.posture, ...actions].join('; ');
    const perDomain = domains.map((d) => {
      const measured = r.measured?.[d.id];
      const truth = start.capability[d.id] ?? 0;
      const missed = r.missedCrossings.some((m) => m.domain === d.id);
      return `${measured === undefined ? '—' : percent(measured)} / ${percent(truth)}${missed ? ' **missed**' : ''}`;
    });
    const compliance =
      r.compliance === 'broken'
        ? `${COMPLIANCE_WORDS.broken} (policy said ${r.allowedPosture})`
        : COMPLIANCE_WORDS[r.compliance];
    rows.push([
      String(round.round),
      decision,
      r.effectivePosture,
      r.overriddenBy ? OVERRIDE_WORDS[r.overriddenBy] : '',
      `${levelOrDash(scenario, r.knownLevel)} / ${levelOrDash(scenario, start.trueLevel)}`,
      ...perDomain,
      SAFEGUARD_TRACKS.map((t) => percent(start.safeguards[t])).join(' / '),
      percent(r.risk.total, 1),
      compliance,
    ]);
  }
  return markdownTable(header, rows);
}

function newsByQuarter(news: readonly WordedNews[], state: GameState): string[] {
  const lines: string[] = [];
  const rounds = [...new Set(news.map((n) => n.round))].sort((a, b) => a - b);
  for (const round of rounds) {
    lines.push(`### Quarter ${round}`, '');
    for (const n of news.filter((x) => x.round === round)) {
      const label =
        n.kind === 'incident' ? '**Incident:** ' : n.kind === 'inject' ? '**Event:** ' : '';
      const body = n.body ? ` — ${md(n.body)}` : '';
      const about = n.lab && n.kind !== 'incident' ? ` (${md(labName(state, n.lab))})` : '';
      lines.push(`- ${label}${md(n.headline)}${about}${body}`);
    }
    lines.push('');
  }
  return lines;
}

/**
 * A readable Markdown report of a game: setting, outcome, per-quarter tables of each focus lab
 * with measured against true capability, missed crossings, commitments, news and the debrief.
 * `endedEarly`: the facilitator ended the session before the game was over.
 */
export function gameReportMarkdown(
  scenario: Scenario,
  state: GameState,
  focusLabs: string[],
  teamNames: Record<string, string> = {},
  { endedEarly = false }: { endedEarly?: boolean } = {},
): string {
  const debrief = buildDebrief(scenario, state, focusLabs, { endedEarly });
  const known = new Set(state.labs.map((l) => l.id));
  const focus = focusLabs.filter((id) => known.has(id));
  const playedBy = (id: string): string => {
    const team = teamNames[id];
    if (team) return md(team);
    if (state.humans.includes(id)) return 'human';
    const lab = state.labs.find((l) => l.id === id);
    return lab ? `bot: ${BOT_DESCRIPTIONS[lab.strategy].name}` : '';
  };
  const lines: string[] = [];

  lines.push(`# Threshold game report: ${md(scenario.title)}`, '');
  lines.push(
    `- **Scenario:** ${md(scenario.title)} (id ${md(scenario.id)}), ${scenario.difficulty}`,
    `- **Framework modelled:** ${md(scenario.framework.name)} — version ${md(scenario.framework.version)}, ${md(scenario.framework.date)}`,
    `- **Seed:** ${state.seed}`,
    `- **Quarters played:** ${state.history.length} of ${state.totalRounds}`,
    `- **Labs:** ${state.labs.map((l) => `${md(l.name)} (${playedBy(l.id)})`).join('; ')}`,
    '',
  );

  lines.push('## Outcome', '', `**${md(debrief.outcome.title)}.** ${md(debrief.outcome.text)}`, '');

  for (const id of focus) {
    const team = teamNames[id];
    lines.push(`## ${md(labName(state, id))}${team ? ` — ${md(team)}` : ''}`, '');
    lines.push(
      `Each quarter: the decision, the posture actually taken (a binding rule can hold a lab back), what the lab’s latest evals measured next to the true capability (hidden during play), safeguard readiness, the chance of an incident from this lab that quarter, and whether the lab kept its own commitment. ${QUARTER_FIGURES}`,
      '',
    );
    lines.push(...quarterTable(scenario, state, id), '');
  }

  lines.push('## Missed crossings', '');
  const missed = missedCrossingEpisodes(
    state,
    state.labs.map((l) => l.id),
  );
  if (missed.length === 0) {
    lines.push('No lab’s evals missed a threshold its model had truly crossed.', '');
  } else {
    lines.push(
      'A missed crossing: during the quarter the model truly crossed a threshold while its evals said it had not, so the policy never triggered. One row per episode, with its first quarter; the true capability is the figure at that quarter’s end.',
      '',
      ...markdownTable(
        [
          'Quarter',
          'Lab',
          'Level',
          'Domain',
          'True capability by the quarter’s end',
          'Measured',
          'Threshold',
        ],
        missed.map((m) => [
          String(m.round),
          md(labName(state, m.lab)),
          md(levelName(scenario, m.levelId)),
          md(domainName(scenario, m.domain)),
          percent(m.trueCapability),
          percent(m.measured),
          percent(m.threshold),
        ]),
      ),
      '',
    );
  }

  lines.push('## Commitments', '');
  lines.push(
    ...markdownTable(
      [
        'Lab',
        'Played by',
        'Kept',
        'Broken',
        'Revised publicly',
        'Revised quietly (exposed)',
        'Cumulative risk',
        'Final market share',
        'Final reputation',
      ],
      debrief.commitments.map((c) => {
        const lab = state.labs.find((l) => l.id === c.lab);
        const exposed = lab?.policy.revisions.filter((r) => !r.publicly && r.exposed).length ?? 0;
        const o = state.outcome?.labs.find((l) => l.lab === c.lab);
        return [
          md(c.name),
          playedBy(c.lab),
          String(c.kept),
          String(c.broken),
          String(c.revisedPublicly),
          `${c.revisedQuietly} (${exposed})`,
          o ? percent(o.cumulativeRisk, 1) : '—',
          percent(lab?.marketShare ?? 0),
          percent(lab?.reputation ?? 0),
        ];
      }),
    ),
    '',
  );

  if (debrief.rivals.length > 0) {
    lines.push('## Rivals', '');
    for (const r of debrief.rivals) lines.push(`- **${md(r.name)}:** ${md(r.summary)}`);
    lines.push('');
  }

  lines.push('## Incidents and news by quarter', '');
  if (state.world.news.length === 0) lines.push('Nothing was reported.', '');
  else lines.push(...newsByQuarter(readableNews(scenario, state.labs, state.world.news), state));

  lines.push('## Key moments', '');
  for (const m of debrief.keyMoments) lines.push(`- **Quarter ${m.round}:** ${md(m.text)}`);
  lines.push('', '## Questions for discussion', '');
  debrief.questions.forEach((q, i) => lines.push(`${i + 1}. ${md(q)}`));
  lines.push('');

  lines.push(
    '---',
    '',
    `Reproduce: scenario ${md(scenario.id)}, seed ${state.seed}, engine ${ENGINE_VERSION}${state.humans.length > 0 ? `, human seats ${state.humans.map(md).join(', ')} (with their decision log)` : ''}.`,
    '',
  );
  return lines.join('\n');
}
