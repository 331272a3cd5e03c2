// A fresh server for each test of a file: started before each test (a new temporary folder and
// database), and after it every device closed, the server stopped and the folder removed.

import { afterEach, beforeEach } from 'vitest';
import type { RunningServer } from '../../src/server/server';
import { socketUrl, start, testPlace, TestDevice, type TestPlace } from './harness';

export function serverPerTest() {
  let place: TestPlace | null = null;
  let server: RunningServer | null = null;
  const devices: TestDevice[] = [];
  const closeDevices = () => Promise.all(devices.splice(0).map((d) => d.close()));

  beforeEach(async () => {
    place = testPlace();
    server = await start(place);
  });

  afterEach(async () => {
    await closeDevices();
    await server?.close();
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
      await closeDevices();
      await running().close();
      if (!place) throw new Error('the server starts before each test');
      server = await start(place);
    },
  };
}
