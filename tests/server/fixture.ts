// The server every server test starts, closes and restarts: one place for that setup, beside
// harness.ts (which stays as it is for the tests that call it directly).
import type { RunningServer, ServerOptions } from '../../src/server/server';
import { start, testPlace, type TestDevice, type TestPlace } from './harness';

/** A fresh temporary place (database file, tiny built app) and a server on it. */
export async function openServer(
  options: Partial<ServerOptions> = {},
): Promise<{ place: TestPlace; server: RunningServer }> {
  const place = testPlace();
  const server = await start(place, options);
  return { place, server };
}

/** Close a test's devices (emptying the list), then its server; the place stays, for a restart. */
export async function closeServer(
  server: RunningServer,
  devices: TestDevice[] = [],
): Promise<void> {
  await Promise.all(devices.splice(0).map((d) => d.close()));
  await server.close();
}

/** Close the devices and the server, and start a new server on the same database. */
export async function restartServer(
  place: TestPlace,
  server: RunningServer,
  devices: TestDevice[] = [],
  options: Partial<ServerOptions> = {},
): Promise<RunningServer> {
  await closeServer(server, devices);
  return start(place, options);
}
