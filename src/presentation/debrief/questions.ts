// Three or four discussion questions, chosen from what actually happened: each rule looks for one
// kind of moment (a catastrophe, a missed crossing, a broken commitment …) and the general
// questions fill the rest.

import { HIGH_BOARD_PRESSURE } from '../../engine/bots/building-blocks';
import { pressureAtDecision, rowsOf } from '../../engine/debriefFacts';
import { percent } from '../../engine/numbers';
import { POSTURE_RULES } from '../../engine/postures';
import { domainName, levelName } from '../../engine/scenarioNames';
import type {
  GameState,
  IncidentKind,
  LabState,
  MissedCrossing,
  Scenario,
} from '../../engine/types';
import { labName, possessive } from './words';

const SAFEGUARD_FOR_INCIDENT: Record<IncidentKind, string> = {
  misuse: 'deployment safeguards (filters, monitoring, access controls)',
  theft: 'weight security',
  stolenModelMisuse: 'weight security (a stolen model is used with no safeguards at all)',
  lossOfControl: 'alignment evidence and control measures',
};

type Rule = (ctx: QuestionContext) => string | null;

export interface QuestionContext {
  scenario: Scenario;
  state: GameState;
  focus: readonly string[];
  missed: MissedCrossing[];
}

const you = (ctx: QuestionContext, lab: string): string =>
  ctx.focus.length === 1 ? 'your lab' : labName(ctx.state, lab);

/** Every lab, the focus labs first. */
function focusFirst(ctx: QuestionContext): LabState[] {
  return [
    ...ctx.state.labs.filter((l) => ctx.focus.includes(l.id)),
    ...ctx.state.labs.filter((l) => !ctx.focus.includes(l.id)),
  ];
}

const catastropheRule: Rule = ({ state }) => {
  const c = state.outcome?.catastrophe;
  if (!c) return null;
  return `The game ended in catastrophe in quarter ${c.round}, from ${possessive(labName(state, c.lab))} model. Which safeguard gap mattered most — here, ${SAFEGUARD_FOR_INCIDENT[c.kind]} — and when could it still have been closed?`;
};

const missedRule: Rule = (ctx) => {
  const m = ctx.missed[0];
  if (!m) return null;
  return `In quarter ${m.round} ${possessive(you(ctx, m.lab))} evals missed a crossing: ${domainName(ctx.scenario, m.domain)} capability was past the ${levelName(ctx.scenario, m.levelId)} threshold while the evals showed ${percent(m.measured)}. What would it have taken to catch it — more eval budget, stronger elicitation, a wider safety buffer, an outside audit — and what would that have cost?`;
};

const brokenRule: Rule = (ctx) => {
  for (const lab of ctx.focus) {
    const rows = rowsOf(ctx.state, lab).filter((r) => r.compliance === 'broken');
    const pressed = rows.find(
      (r) => pressureAtDecision(ctx.state, lab, r.round) > HIGH_BOARD_PRESSURE,
    );
    if (pressed) {
      return `In quarter ${pressed.round} ${you(ctx, lab)} went past its own commitment while its board was pressing to catch up. Can voluntary commitments hold under that kind of pressure? What would have made this one easier to keep?`;
    }
  }
  for (const lab of ctx.focus) {
    const row = rowsOf(ctx.state, lab).find((r) => r.compliance === 'broken');
    if (row) {
      return `In quarter ${row.round} ${you(ctx, lab)} went past its own commitment. What made breaking it seem worth it — and who outside the lab could have held it to its word?`;
    }
  }
  return null;
};

const racingRule: Rule = (ctx) => {
  for (const lab of ctx.state.labs) {
    if (ctx.focus.includes(lab.id)) continue;
    const row = rowsOf(ctx.state, lab.id).find(
      (r) => r.compliance === 'broken' && POSTURE_RULES[r.effectivePosture].release === 'full',
    );
    if (row) {
      return `${lab.name} released in full in quarter ${row.round} although its own policy said ${row.allowedPosture}. How did its racing change what ${ctx.focus.length === 1 ? 'you' : 'the other labs'} could afford to do — and does one lab holding back help if others race on?`;
    }
  }
  return null;
};

const coordinationRule: Rule = ({ state }) => {
  const triggered = state.history.find((round) => round.pauseAgreementTriggered);
  if (triggered) {
    for (const round of state.history) {
      const defector = round.labs.find((row) => row.defected);
      const lab = defector && state.labs.find((l) => l.id === defector.lab);
      if (lab) {
        return `${lab.name} kept training in quarter ${round.round} although the conditional pause agreement it had signed was triggered. What makes such an agreement hold when pausing costs a member its market, and what should happen to a member who breaks it?`;
      }
    }
    return `The conditional pause agreement triggered in quarter ${triggered.round} and every member paused. What makes such an agreement hold when pausing costs a member its market? How many labs must be in it before a pause is not a lone sacrifice?`;
  }
  for (const round of state.history) {
    for (const row of round.labs) {
      const left = row.decision.actions.some((a) => a.kind === 'leavePauseAgreement');
      const reported = round.news.some((n) => n.kind === 'pause' && n.lab === row.lab);
      if (left && reported) {
        return `${labName(state, row.lab)} left the conditional pause agreement in quarter ${round.round}. What could keep labs in an agreement when leaving pays?`;
      }
    }
  }
  return null;
};

const accountabilityRule: Rule = (ctx) => {
  for (const lab of focusFirst(ctx)) {
    const r = lab.policy.revisions.find((x) => !x.publicly && x.exposed);
    if (r) {
      const mine = ctx.focus.length === 1 && ctx.focus.includes(lab.id);
      const who = mine
        ? 'Your quiet change to your'
        : `${possessive(lab.name)} quiet change to its`;
      return `${who} ${levelName(ctx.scenario, r.levelId)} threshold (quarter ${r.round}) came to light. Who should be able to check a lab's thresholds and evals, and what should happen when a lab changes them without saying so?`;
    }
  }
  return null;
};

const hiddenRevisionRule: Rule = (ctx) => {
  for (const lab of focusFirst(ctx)) {
    const r = lab.policy.revisions.find((x) => !x.publicly && !x.exposed);
    if (r) {
      return `${lab.name} quietly changed its ${levelName(ctx.scenario, r.levelId)} threshold in quarter ${r.round}, and nobody found out during the game. Should that be possible under a safety policy? What would have caught it?`;
    }
  }
  return null;
};

const RULES: Rule[] = [
  catastropheRule,
  missedRule,
  brokenRule,
  racingRule,
  coordinationRule,
  accountabilityRule,
  hiddenRevisionRule,
];

function fallbacks(ctx: QuestionContext): string[] {
  const questions: string[] = [];
  if (ctx.missed.length === 0) {
    questions.push(
      'Your evals never missed a threshold your model had crossed. Was that the eval budget, the safety buffer, or luck — and how could a lab tell which?',
    );
  }
  questions.push(
    'Now that you can see true capability next to what your evals showed: which decision would you make differently?',
    'Your lab wrote its own thresholds, ran its own evals and judged its own compliance. What would outside checks — audits, published evals, a regulator — have changed?',
    'Which number in your policy would you set differently next time: a threshold, a safeguard requirement, or the safety buffer? Why?',
  );
  return questions;
}

/** At most four questions, at least three: from what happened first, then general ones. */
export function chooseQuestions(ctx: QuestionContext): string[] {
  const chosen: string[] = [];
  for (const rule of RULES) {
    const q = rule(ctx);
    if (q && chosen.length < 4) chosen.push(q);
  }
  for (const q of fallbacks(ctx)) {
    if (chosen.length >= 3) break;
    chosen.push(q);
  }
  return chosen;
}
