// A device's commands to its room (or its event), as a screen uses them: one at a time (`busy`
// disables the buttons meanwhile) and the server's refusal, in its words, kept to show (`problem`).

import type { CommandResult } from '../../lib/roomClient';
import type { DeviceCommand, RoomCommand } from '../../lib/roomProtocol';

export class RoomCommands<C extends DeviceCommand = RoomCommand> {
  busy = $state(false);
  problem = $state<string | null>(null);

  constructor(private readonly send: (command: C) => Promise<CommandResult>) {}

  /** Send one command; resolves true when the server accepted it. */
  run = async (command: C): Promise<boolean> => {
    this.busy = true;
    this.problem = null;
    const result = await this.send(command);
    this.busy = false;
    if (!result.ok) this.problem = result.message;
    return result.ok;
  };
}
