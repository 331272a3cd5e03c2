// The JavaScript budget: build the app (Vite's build() with the project's config) into a scratch
// folder, so a bench never overwrites dist/ under someone's browser tests, and weigh every
// emitted .js file gzipped (node:zlib, default level, as a static server would send it).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rolldown } from 'vite';

export interface JsFile {
  file: string;
  bytes: number;
  gzip: number;
  /** Loaded with the page (the entry and what it imports statically), not on demand. */
  initial: boolean;
}

export interface BundleBench {
  outDir: string;
  seconds: number;
  files: JsFile[];
  totalGzip: number;
  initialGzip: number;
  /** Minified bytes in the page's entry chunk, by package or source folder, largest first. */
  entryBySource: { source: string; bytes: number }[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "d3-scale", "svelte", "src/engine" … for a module id. */
function sourceOf(id: string): string {
  const path = id.replace(/\?.*$/, '').split(sep).join('/');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const src = path.indexOf('/src/');
  if (src >= 0)
    return path
      .slice(src + 1)
      .split('/')
      .slice(0, 2)
      .join('/');
  const scenarios = path.indexOf('/scenarios/');
  if (scenarios >= 0) return 'scenarios (JSON)';
  return path.split('/').slice(-2).join('/');
}

export async function benchBundle(root: string, outDir: string): Promise<BundleBench> {
  const initialFiles = new Set<string>();
  const bySource = new Map<string, number>();
  const collector: Plugin = {
    name: 'bench:collect',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (o): o is Rolldown.OutputChunk => o.type === 'chunk',
      );
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const visit = (name: string) => {
        if (initialFiles.has(name)) return;
        initialFiles.add(name);
        for (const dep of byName.get(name)?.imports ?? []) visit(dep);
      };
      for (const chunk of chunks) {
        if (!chunk.isEntry) continue;
        visit(chunk.fileName);
        for (const [id, info] of Object.entries(chunk.modules)) {
          const source = sourceOf(id);
          bySource.set(source, (bySource.get(source) ?? 0) + info.renderedLength);
        }
      }
    },
  };
  const start = performance.now();
  await build({
    root,
    logLevel: 'warn',
    plugins: [collector],
    // Hidden source maps: written beside each chunk (the paths' "by source" breakdown reads them)
    // but not named in the chunk, so the bytes weighed are the bytes a real build ships.
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, sourcemap: 'hidden' },
  });
  const seconds = (performance.now() - start) / 1000;

  const files = walk(outDir)
    .filter((f) => f.endsWith('.js'))
    .map((full) => {
      const body = readFileSync(full);
      const file = relative(outDir, full).split(sep).join('/');
      return {
        file,
        bytes: body.length,
        gzip: gzipSync(body).length,
        initial: initialFiles.has(file),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
  return {
    outDir,
    seconds,
    files,
    totalGzip: files.reduce((sum, f) => sum + f.gzip, 0),
    initialGzip: files.filter((f) => f.initial).reduce((sum, f) => sum + f.gzip, 0),
    entryBySource: [...bySource]
      .map(([source, bytes]) => ({ source, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
  };
}
