import { describe, expect, it } from 'vitest';
import { createGame } from '../../src/engine/game';
import { AUDIT_COST } from '../../src/engine/policyActions';
import { policyActionHelp } from '../../src/presentation/policyActionText';
import { labView } from '../../src/engine/view';
import { testScenario } from '../engine/fixtures';

describe('policyActionHelp', () => {
  it('quotes the costs the engine applies', () => {
    const scenario = testScenario();
    const game = createGame(scenario, { seed: 1, humans: ['player'] });
    const help = policyActionHelp(scenario, labView(game, scenario, 'player'));
    expect(help.audit).toContain(`costs ${AUDIT_COST}`);
    expect(help.revisePublicly).toMatch(/3 points of reputation/);
    expect(help.pauseAgreement).toMatch(/not in force/);
  });
});
