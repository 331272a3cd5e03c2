// A fresh server for each test of a file: started before each test (a new temporary folder and
// database), and after it every device closed, the server stopped and the folder removed. Built
// on fixture.ts's open, close and restart, which the other server tests call directly.

import { afterEach, beforeEach } from 'vitest';
import type { RunningServer } from '../../src/server/server';
import { closeServer, openServer, restartServer } from './fixture';
import { socketUrl, TestDevice, type TestPlace } from './harness';

export function serverPerTest() {
  let place: TestPlace | null = null;
  let server: RunningServer | null = null;
  const devices: TestDevice[] = [];

  beforeEach(async () => {
    ({ place, server } = await openServer());
  });

  afterEach(async () => {
    if (server) await closeServer(server, devices);
    place?.remove();
  });

  const running = (): RunningServer => {
    if (!server) throw new Error('the server starts before each test');
    return server;
  };

  return {
    get server(): RunningServer {
      return running();
    },
    /** A device joined with `token` (closed after the test): with its first view. */
    async join(token: string) {
      const joined = await TestDevice.join(socketUrl(running()), token);
      devices.push(joined.device);
      return joined;
    },
    /** Close every device, stop the server and start it again on the same database. */
    async restart() {
      if (!place) throw new Error('the server starts before each test');
      server = await restartServer(place, running(), devices);
    },
  };
}
