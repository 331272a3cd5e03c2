import { percent } from '../../engine/numbers';
import { playWithBots } from '../../engine/game';
import { gameRecord } from '../../engine/record';
import type { GameState, Scenario } from '../../engine/types';
import { parseCliArgs, wholeNumberOption } from '../args';
import { CliError, loadScenarioFile } from './scenarioFile';

export const PLAY_USAGE = 'usage: sim play <scenario-file> [--seed N] [--rounds N] [--json]';

/** `sim play`: a whole game with bots in every seat; a readable summary or the full JSON record. */
export function runPlay(argv: string[], out: (line: string) => void): number {
  const { values, positionals } = parseCliArgs(argv, {
    seed: { type: 'string' },
    rounds: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CliError(PLAY_USAGE);
  const seed = wholeNumberOption('seed', values.seed, 0, 2 ** 32 - 1) ?? 1;
  const rounds = wholeNumberOption('rounds', values.rounds, 1, 40);
  const scenario = loadScenarioFile(file);
  const state = playWithBots(scenario, seed, rounds);
  if (values.json) out(JSON.stringify(gameRecord(scenario, state)));
  else for (const line of summaryLines(scenario, state)) out(line);
  return 0;
}

function summaryLines(scenario: Scenario, state: GameState): string[] {
  const o = state.outcome;
  const lines = [`${scenario.title} — seed ${state.seed}`, ''];
  for (const r of state.history) {
    const labs = r.labs
      .map(
        (l) =>
          `${l.lab} ${l.effectivePosture}${l.compliance === 'broken' ? '!' : ''} ${percent(l.risk.total, 1)}`,
      )
      .join(' | ');
    const inc = r.incidents.length
      ? `  incidents: ${r.incidents.map((i) => `${i.severity} ${i.kind} (${i.lab})`).join(', ')}`
      : '';
    lines.push(
      `Q${String(r.round).padStart(2)}  trust ${percent(r.publicTrust, 1)}  ${labs}${inc}`,
    );
  }
  if (!o) return lines;
  const reason = {
    roundsComplete: `All ${o.round} quarters played without catastrophe.`,
    catastrophe: `Catastrophe in quarter ${o.round}: ${o.catastrophe?.kind} from ${o.catastrophe?.lab}. The game ends for everyone.`,
    regulatorHalt: `The regulator halted frontier development in quarter ${o.round}.`,
  }[o.reason];
  lines.push('', reason, `Public trust at the end: ${percent(o.publicTrust, 1)}`, '');
  lines.push(
    'lab                   cum. risk  kept  broken  revised(quiet)  missed  share   reputation',
  );
  for (const l of o.labs) {
    lines.push(
      `${l.lab.padEnd(20)}  ${percent(l.cumulativeRisk, 1).padStart(9)}  ${String(l.commitmentsKept).padStart(4)}  ${String(l.commitmentsBroken).padStart(6)}  ${String(l.revisionsPublic + l.revisionsQuiet).padStart(7)}(${l.revisionsQuiet})     ${String(l.missedCrossings).padStart(6)}  ${percent(l.marketShare, 1).padStart(6)}  ${percent(l.reputation, 1).padStart(6)}`,
    );
  }
  lines.push('', '(! = the lab went past its own commitment that quarter)');
  return lines;
}
