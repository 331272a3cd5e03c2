// Running the real command line (`node --import tsx src/cli/sim.ts …`) from tests, as a user does.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SimResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function sim(args: readonly string[]): Promise<SimResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/sim.ts', ...args],
      { encoding: 'utf8', maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A fresh folder for part files. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'threshold-parts-'));
}

/** A JSON report without the fields that say how it was made (timing, workers), not what. */
export function withoutTiming(text: string): Record<string, unknown> {
  const json = JSON.parse(text) as Record<string, unknown>;
  for (const key of ['seconds', 'workers', 'fallback', 'gamesPerSecond']) delete json[key];
  return json;
}

/** Printed lines without the last (the timing line). */
export function withoutTimingLine(text: string): string[] {
  const lines = text.trimEnd().split('\n');
  return lines.slice(0, -1);
}
