// Where a built chunk's bytes come from: its source map read segment by segment, each stretch of
// minified output counted for the source file it maps to, then the chunk's gzip size shared out in
// the same proportions (gzip compresses a chunk as a whole, so a file's share of it is an estimate;
// the shares add up to the chunk's real gzip size). Needs a build with `sourcemap: true`.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '@jridgewell/sourcemap-codec';

export interface SourceShare {
  /** "src/ui/solo/SoloGame.svelte", "d3-scale/src/linear.js", "svelte (runtime)" … */
  source: string;
  /** Minified bytes mapped to this source. */
  bytes: number;
  /** Its share of the chunk's gzip bytes. */
  gzip: number;
}

/** A short, stable name for a source path in a map ("../../src/x.ts" → "src/x.ts"). */
export function sourceName(path: string): string {
  const clean = path.replace(/\?.*$/, '').replaceAll('\\', '/');
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + '/node_modules/'.length).split('/');
    const pkg = rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? clean);
    // Svelte's and XState's internals are one thing to a reader; d3's parts are told apart.
    if (pkg === 'svelte' || pkg === 'xstate' || pkg === 'valibot') return pkg;
    const file = rest.slice(pkg.includes('/') ? 2 : 1).join('/');
    return `${pkg}/${file}`;
  }
  for (const root of ['src/', 'scenarios/', 'MODEL.md']) {
    const at = clean.indexOf(root);
    if (at >= 0) return clean.slice(at);
  }
  return clean;
}

const GLUE = '(imports, exports, chunk glue)';

/**
 * Minified bytes of `code` by source, from its map. Svelte leaves a component's templates (hoisted
 * HTML strings) unmapped, and they sit just before the component's code, so an unmapped stretch is
 * counted for the next mapped source; what no source follows (and the import and export lines) is
 * chunk glue.
 */
export function bytesBySource(code: string, map: { sources: string[]; mappings: string }) {
  const lines = code.split('\n');
  const decoded = decode(map.mappings);
  const stretches: { source: string | null; length: number }[] = [];
  lines.forEach((line, index) => {
    const segments = decoded[index] ?? [];
    const glue = /^(import|export|const __vite__mapDeps)/.test(line);
    // Bytes before the first segment, and the newline.
    stretches.push({ source: glue ? GLUE : null, length: (segments[0]?.[0] ?? line.length) + 1 });
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.[0] ?? line.length;
      const source = segment.length > 1 ? map.sources[segment[1]!] : undefined;
      stretches.push({
        source: source === undefined ? (glue ? GLUE : null) : sourceName(source),
        length: Math.max(0, end - segment[0]),
      });
    });
  });
  const totals = new Map<string, number>();
  let next = GLUE;
  for (let i = stretches.length - 1; i >= 0; i--) {
    const { source, length } = stretches[i]!;
    if (source !== null && source !== GLUE) next = source;
    const owner = source ?? next;
    totals.set(owner, (totals.get(owner) ?? 0) + length);
  }
  return totals;
}

/** The sources of one built JavaScript file in `outDir`, largest first; [] without a map. */
export function chunkSources(outDir: string, file: string, gzip: number): SourceShare[] {
  const full = join(outDir, file);
  if (!existsSync(`${full}.map`)) return [];
  const code = readFileSync(full, 'utf8');
  const map = JSON.parse(readFileSync(`${full}.map`, 'utf8')) as {
    sources: string[];
    mappings: string;
  };
  const totals = bytesBySource(code, map);
  const all = [...totals.values()].reduce((a, b) => a + b, 0) || 1;
  return [...totals]
    .map(([source, bytes]) => ({ source, bytes, gzip: (gzip * bytes) / all }))
    .sort((a, b) => b.bytes - a.bytes);
}

/** Every source on a path (its files' shares added up), largest first. */
export function pathSources(
  outDir: string,
  files: readonly { file: string; gzip: number }[],
): SourceShare[] {
  const totals = new Map<string, SourceShare>();
  for (const f of files)
    for (const share of chunkSources(outDir, f.file, f.gzip)) {
      const sum = totals.get(share.source) ?? { source: share.source, bytes: 0, gzip: 0 };
      sum.bytes += share.bytes;
      sum.gzip += share.gzip;
      totals.set(share.source, sum);
    }
  return [...totals.values()].sort((a, b) => b.gzip - a.gzip);
}
