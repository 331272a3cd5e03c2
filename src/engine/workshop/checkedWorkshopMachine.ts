// The workshop machine (workshopMachine.ts) with its policy step checked by the scenario
// validator: `beginQuarterOne` is taken only once every team's draft passes (teamPolicyCheck.ts).
// The server and the tests run this one; the laptop provides the same check itself when a policy
// step begins, so that a workshop without one never loads the validator.
import { policiesSound } from './teamPolicyCheck';
import { workshopMachine } from './workshopMachine';

export const checkedWorkshopMachine = workshopMachine.provide({
  guards: { policiesSound: ({ context }) => policiesSound(context) },
});
