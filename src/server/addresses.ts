// The addresses to open on the local network, from the machine's network interfaces: IPv4,
// not internal (loopback), in the order the system lists them.

import type { NetworkInterfaceInfo } from 'node:os';

export function lanAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
  host: string,
  port: number,
): string[] {
  // Bound to one address: that is the only one that answers.
  if (host !== '0.0.0.0' && host !== '::')
    return [`http://${host.includes(':') ? `[${host}]` : host}:${port}/`];
  const urls: string[] = [];
  for (const list of Object.values(interfaces)) {
    for (const info of list ?? []) {
      if (info.family === 'IPv4' && !info.internal) urls.push(`http://${info.address}:${port}/`);
    }
  }
  return urls;
}
