// The pause question's answer in plain words, written from the measured numbers (never canned):
// what each arm did to catastrophe and to who leads, "flat" whenever the paired 95% interval
// includes zero, and which of the model's assumptions the answer leans on, each with the MODEL.md
// section that states it. Pure: the view renders the sentences as text.

import type { ComparisonRow } from '../engine/batch/compare';
import { STRATEGIES } from '../engine/bots';
import type { CommitmentStance } from '../engine/bots/strategy';
import { DEFAULT_DYNAMICS } from '../engine/parameters';
import type { Scenario } from '../engine/types';
import { appetite, racerOf, type PauseArm, type PauseSpec } from './pauseQuestion';
import { pct } from './results';
import { percent, signedPoints } from '../engine/numbers';

/** A change measured on paired games: its direction is known only when the interval excludes 0. */
export type Direction = 'down' | 'up' | 'flat';

export function direction(row: Pick<ComparisonRow, 'lo' | 'hi'>): Direction {
  if (row.lo === null || row.hi === null) return 'flat';
  if (row.hi < 0) return 'down';
  if (row.lo > 0) return 'up';
  return 'flat';
}

const points = (x: number): string => signedPoints(x);

/** "−1.7 points (95% interval −2.3 to −1.1)" */
export function pointsWithInterval(row: ComparisonRow): string {
  const interval =
    row.lo === null || row.hi === null
      ? 'no interval: too few games'
      : `95% interval ${points(row.lo)} to ${points(row.hi)}`;
  return `${points(row.diff)} points (${interval})`;
}

/** One section of MODEL.md an answer leans on. */
export interface Assumption {
  /** What the model assumes, and what it did here. */
  text: string;
  /** The MODEL.md heading that states it. */
  section: string;
}

export interface ArmReading {
  key: PauseArm['key'];
  name: string;
  sentences: string[];
}

export interface PauseReading {
  /** The answer to the question, in one or two sentences. */
  answer: string;
  arms: ArmReading[];
  assumptions: Assumption[];
}

/** MODEL.md's headings the reading cites (a test checks each is still a heading there). */
export const MODEL_SECTIONS = {
  quarter: 'The main model, one quarter at a time',
  bots: 'Bots',
  streams: 'Random streams (common random numbers)',
  validated: 'Validated directions of the main model',
} as const;

const STANCE_WORDS: Record<CommitmentStance, string> = {
  keep: 'always keeps its commitment',
  keepUnlessPressed: 'keeps its commitment unless its board presses hard',
  keepWhenAheadOrAgreed: 'pauses only while ahead or while a pause agreement is in force',
  delayIfAheadAndSignificant: 'delays only when it judges itself ahead and the risk significant',
  ignore: 'ignores its commitment',
};

const rowOf = (rows: readonly ComparisonRow[], arm: string, outcome: string) =>
  rows.find((r) => r.arm === arm && r.outcome === outcome);

/** "Aster Labs'", "Meridian Labs'", "Vantage AI's" */
export const possessive = (name: string): string => (name.endsWith('s') ? `${name}'` : `${name}'s`);

/** "up 18.5 points (95% interval +14.4 to +22.6)" */
const upOrDown = (row: ComparisonRow): string =>
  `${row.diff < 0 ? 'down' : 'up'} ${pointsWithInterval(row).replace(/^[−+]/, '')}`;

/** Labs whose share of games led rose measurably in this arm, largest gain first. */
function leadGainers(
  rows: readonly ComparisonRow[],
  arm: string,
  scenario: Scenario,
): { name: string; row: ComparisonRow }[] {
  return scenario.labs
    .map((lab) => ({ name: lab.name, row: rowOf(rows, arm, `lab.${lab.id}.leads`) }))
    .filter((x): x is { name: string; row: ComparisonRow } => !!x.row && direction(x.row) === 'up')
    .sort((a, b) => b.row.diff - a.row.diff);
}

/** "Meridian Labs (32.8% of games instead of 14.2%) and Vantage AI (…)" */
const gainersText = (gainers: readonly { name: string; row: ComparisonRow }[]): string =>
  gainers
    .map((g) => `${g.name} (${pct(g.row.b)} of games instead of ${pct(g.row.a)})`)
    .join(' and ');

function catastropheSentence(row: ComparisonRow | undefined, who: string): string {
  if (!row) return `${who}: catastrophe could not be compared.`;
  const d = direction(row);
  const range = `${pct(row.a)} → ${pct(row.b)} of games`;
  if (d === 'flat') {
    return `${who} left catastrophe flat: ${range}, ${pointsWithInterval(row)}; the interval includes zero, so no change is measured.`;
  }
  return `${who} ${d === 'down' ? 'cut' : 'raised'} catastrophe by ${pointsWithInterval(row).replace(/^[−+]/, '')}: ${range}.`;
}

function leadSentence(
  rows: readonly ComparisonRow[],
  arm: string,
  scenario: Scenario,
  pausing: readonly string[],
): string {
  const gainers = leadGainers(rows, arm, scenario);
  const paused = pausing
    .map((id) => {
      const lab = scenario.labs.find((l) => l.id === id);
      const row = rowOf(rows, arm, `lab.${id}.leads`);
      return lab && row && direction(row) === 'down'
        ? ` ${lab.name} itself ended with the largest share in ${pct(row.b)} of games instead of ${pct(row.a)}.`
        : '';
    })
    .join('');
  if (gainers.length === 0) return `No lab measurably gained the lead.${paused}`;
  const [top] = gainers;
  return `The lead passed to ${gainersText(gainers)}: ${gainers.length > 1 ? 'they' : 'it'} ended with the largest market share more often (${top?.name} ${upOrDown(top!.row)}).${paused}`;
}

function shareSentence(rows: readonly ComparisonRow[], arm: string, lab: Scenario['labs'][number]) {
  const row = rowOf(rows, arm, `lab.${lab.id}.finalShare`);
  if (!row) return '';
  const d = direction(row);
  return d === 'flat'
    ? `${possessive(lab.name)} final market share did not measurably change (${pct(row.a)} → ${pct(row.b)}).`
    : `${possessive(lab.name)} final market share went from ${pct(row.a)} to ${pct(row.b)}, ${upOrDown(row)}.`;
}

/** Read a finished pause question: its rows (arm names as in `arms`) and the scenario as written. */
export function readPauseQuestion(
  spec: PauseSpec,
  scenario: Scenario,
  arms: readonly PauseArm[],
  rows: readonly ComparisonRow[],
): PauseReading {
  const lab = scenario.labs.find((l) => l.id === spec.lab);
  const labName = lab?.name ?? spec.lab;
  const racer = racerOf(scenario, spec.lab);
  const pausingIds = (arm: PauseArm): string[] =>
    arm.key === 'alone'
      ? [spec.lab]
      : arm.key === 'racer' && racer
        ? [racer.id]
        : scenario.labs.map((l) => l.id);
  const readings: ArmReading[] = arms.map((arm) => {
    const who =
      arm.key === 'alone'
        ? `${labName} pausing alone`
        : arm.key === 'racer'
          ? `${racer?.name ?? 'The racer'} pausing`
          : 'A pause every lab keeps';
    const sentences = [catastropheSentence(rowOf(rows, arm.name, 'catastrophe'), who)];
    if (arm.key !== 'coordinated') {
      sentences.push(leadSentence(rows, arm.name, scenario, pausingIds(arm)));
      const pauser = arm.key === 'alone' ? lab : racer;
      if (pauser) sentences.push(shareSentence(rows, arm.name, pauser));
    }
    return { key: arm.key, name: arm.name, sentences: sentences.filter(Boolean) };
  });

  const alone = arms.find((a) => a.key === 'alone');
  const aloneCat = alone ? rowOf(rows, alone.name, 'catastrophe') : undefined;
  const racerArm = arms.find((a) => a.key === 'racer');
  const racerCat = racerArm ? rowOf(rows, racerArm.name, 'catastrophe') : undefined;
  const coordinated = arms.find((a) => a.key === 'coordinated');
  const coordCat = coordinated ? rowOf(rows, coordinated.name, 'catastrophe') : undefined;

  // The answer: the alone arm's catastrophe and lead, in one breath.
  let answer = `If ${labName} pauses alone from quarter ${spec.from}, `;
  const aloneDir = aloneCat ? direction(aloneCat) : 'flat';
  answer +=
    aloneCat && aloneDir !== 'flat'
      ? `the model says catastrophe ${aloneDir === 'down' ? 'falls' : 'rises'} by ${pointsWithInterval(aloneCat).replace(/^[−+]/, '')}`
      : `the model measures no change in catastrophe (flat${aloneCat ? `: ${pointsWithInterval(aloneCat)}` : ''})`;
  const gainers = alone ? leadGainers(rows, alone.name, scenario) : [];
  answer += gainers.length
    ? `, and the lead passes to ${gainersText(gainers)}, ending with the largest market share more often.`
    : ', and no rival measurably gains the lead.';
  if (racerCat && racer && direction(racerCat) === 'down') {
    answer += ` ${racer.name} (the racer) pausing instead would cut catastrophe by ${points(-racerCat.diff).replace(/^[−+]/, '')} points`;
    answer +=
      coordCat && direction(coordCat) === 'down'
        ? `, and a pause every lab keeps by ${points(-coordCat.diff).replace(/^[−+]/, '')} points.`
        : '.';
  } else if (coordCat && direction(coordCat) === 'down') {
    answer += ` A pause every lab keeps would cut catastrophe by ${points(-coordCat.diff).replace(/^[−+]/, '')} points.`;
  }

  return { answer, arms: readings, assumptions: assumptions(spec, scenario, rows, arms) };
}

function assumptions(
  spec: PauseSpec,
  scenario: Scenario,
  rows: readonly ComparisonRow[],
  arms: readonly PauseArm[],
): Assumption[] {
  const lab = scenario.labs.find((l) => l.id === spec.lab);
  const labName = lab?.name ?? spec.lab;
  const racer = racerOf(scenario, spec.lab);
  const alone = arms.find((a) => a.key === 'alone');
  const out: Assumption[] = [];

  const caused = (id: string) => rows.find((r) => r.outcome === `lab.${id}.catastrophesCaused`);
  const ownShare = lab ? caused(lab.id) : undefined;
  const racerShare = racer ? caused(racer.id) : undefined;
  out.push({
    section: MODEL_SECTIONS.quarter,
    text:
      `Risk comes from each lab's own model: its capability above its own safeguards (step 7, hazards). ` +
      `A pause removes only what the pausing lab would have added${
        ownShare && racerShare && racer
          ? `: in the baseline ${labName} caused the catastrophe in ${pct(ownShare.a)} of games, ${racer.name} in ${pct(racerShare.a)}`
          : ''
      }.`,
  });

  const pressure = scenario.dynamics.competitivePressure ?? DEFAULT_DYNAMICS.competitivePressure;
  const leadMoved =
    alone &&
    scenario.labs.some((l) => {
      const r = rows.find((x) => x.arm === alone.name && x.outcome === `lab.${l.id}.leads`);
      return r && direction(r) !== 'flat';
    });
  out.push({
    section: MODEL_SECTIONS.quarter,
    text:
      `Competitive pressure (here ${pressure}): market share follows deployed capability relative to rivals (step 8, market); ` +
      `a paused lab keeps selling the model it has deployed but stops improving it, and reputation moves share as much as capability. ` +
      (leadMoved
        ? 'That is why the lead moves when a lab pauses.'
        : 'Here the lead did not measurably move when the lab paused alone.'),
  });

  if (racer) {
    const s = STRATEGIES[racer.strategy];
    out.push({
      section: MODEL_SECTIONS.bots,
      text:
        `The bots' strategies: ${racer.name} plays ${racer.strategy}, putting up to ${percent(appetite(racer))} of its budget into capabilities, ` +
        `and ${STANCE_WORDS[s.commitment]}. Bots follow fixed rules: no rival slows down because another lab paused, and none bargains or reciprocates.`,
    });
  }

  const members = scenario.labs.filter((l) => l.policy.inPauseAgreement).map((l) => l.name);
  const neverHonour = scenario.labs
    .filter((l) => STRATEGIES[l.strategy].honoursAgreement === 'never')
    .map((l) => `${l.name} (${l.strategy})`);
  out.push({
    section: MODEL_SECTIONS.quarter,
    text:
      `The pause agreement and defection (step 4): in this scenario ${
        members.length
          ? `${members.join(', ')} start in the agreement`
          : 'no lab starts in the agreement'
      }. The coordinated arm forces every lab to pause from quarter ${spec.from}, so nobody can defect; ` +
      (neverHonour.length
        ? `left to their strategies, ${neverHonour.join(' and ')} would never honour an agreement, so the coordinated figure is an upper bound on what a voluntary pact buys.`
        : 'left to their strategies, members may still leave or defect under pressure, so the coordinated figure is an upper bound on what a voluntary pact buys.'),
  });

  out.push({
    section: MODEL_SECTIONS.bots,
    text:
      scenario.information === 'none'
        ? 'Information: labs here see nothing of their rivals, so a pause does not change how hard the others race (their race signal stays at zero).'
        : `Information: labs see rivals through ${scenario.information === 'published' ? 'published evals' : 'announced levels'}; a bot that sees a rival level or ahead spends more on capabilities and less on safeguards, so a paused lab that falls behind stops pushing the labs it used to match to race.`,
  });

  out.push({
    section: MODEL_SECTIONS.streams,
    text: 'Every arm plays the same seeds, and each lab draws from its own random streams, so the arms differ only where a pause makes them differ: that is what makes the paired intervals narrow.',
  });
  return out;
}
