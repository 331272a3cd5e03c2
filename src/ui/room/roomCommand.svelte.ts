// A device's commands to its room, as a screen uses them: one at a time (`busy` disables the
// buttons meanwhile) and the server's refusal, in its words, kept to show (`problem`).

import type { CommandResult } from '../../lib/roomClient';
import type { RoomCommand } from '../../lib/roomProtocol';

export class RoomCommands {
  busy = $state(false);
  problem = $state<string | null>(null);

  constructor(private readonly send: (command: RoomCommand) => Promise<CommandResult>) {}

  /** Send a command; true once the server has taken it. */
  run = async (command: RoomCommand): Promise<boolean> => {
    this.busy = true;
    this.problem = null;
    const result = await this.send(command);
    this.busy = false;
    if (!result.ok) this.problem = result.message;
    return result.ok;
  };
}
