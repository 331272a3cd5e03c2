// The one way the command line reads a file: only a regular file (a folder, a device such as
// /dev/zero, a named pipe or a socket is refused with one line, never read), never more than a
// limit's worth of bytes (a file that grows while read, or a /proc file that reports size 0,
// stops there). The caller decodes the bytes as the browser decodes a picked file
// (decodeFileBytes in src/engine/scenario/input.ts).

import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { tooLargeMessage } from '../engine/scenario/input';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

function notRegular(path: string, stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isDirectory()) return `${path} is a folder, not a file`;
  const kind = stats.isFIFO()
    ? 'a named pipe'
    : stats.isCharacterDevice() || stats.isBlockDevice()
      ? 'a device'
      : stats.isSocket()
        ? 'a socket'
        : 'not an ordinary file';
  return `cannot read ${path}: it is ${kind}, not a regular file — give the path of a .json file`;
}

export function describeReadError(path: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return `cannot read ${path}: no such file`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${path}: permission denied`;
  if (code === 'EISDIR') return `${path} is a folder, not a file`;
  if (code === 'ENXIO') return `cannot read ${path}: it is not a regular file`;
  const message = error instanceof Error ? error.message : String(error);
  return `cannot read ${path}: ${message}`;
}

/**
 * Read a regular file of at most `limit` bytes. `what` names it in messages ("a
 * scenario"). Never throws; every failure is one line naming the path.
 */
export function readInputFile(path: string, limit: number, what: string): ReadResult {
  let fd: number;
  try {
    // Non-blocking, so that opening a named pipe nobody writes to returns at once (and is then
    // refused as not a regular file) instead of waiting for a writer.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return { ok: false, message: describeReadError(path, error) };
  }
  try {
    const stats = fstatSync(fd);
    const refused = notRegular(path, stats);
    if (refused) return { ok: false, message: refused };
    if (stats.size > limit) {
      return { ok: false, message: `${path}: ${tooLargeMessage(stats.size, limit, what)}` };
    }
    const buffer = new Uint8Array(limit + 1);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buffer, total, buffer.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > limit) {
        return { ok: false, message: `${path}: ${tooLargeMessage(total, limit, what)}` };
      }
    }
    return { ok: true, bytes: buffer.slice(0, total) };
  } catch (error) {
    return { ok: false, message: describeReadError(path, error) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Already closed: nothing to do.
    }
  }
}
