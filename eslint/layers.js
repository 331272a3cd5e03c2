// The project's layers, enforced: each folder of src/ lists the folders of src/ it may import from
// (packages are always allowed). A file outside every listed folder is not checked.
//
//   engine ← presentation ← explorer ← UI   (presentation: wording, chart series, debrief, reports;
//                                             explorer: batch runs, comparisons, links; no Svelte)
//   engine, presentation ← lib ← server      (the networked workshop's server: never the UI)
//   engine, presentation, explorer ← CLI     (the command line: never the UI, never the browser's lib)
//   UI ← the app's entry (src/main.ts, App.svelte)
//
// The engine holds numbers and rules only; every sentence and chart series a screen shows is
// built in src/presentation from them.
//
// The rule resolves each relative import against the importing file, so it checks where an import
// lands, not how its path is spelled.

import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** Folder of src/ → the folders of src/ its files may import from. */
export const LAYERS = {
  engine: ['engine'],
  presentation: ['engine', 'presentation'],
  lib: ['engine', 'presentation', 'lib'],
  explorer: ['engine', 'lib', 'presentation', 'explorer'],
  offline: ['offline'],
  ui: ['engine', 'presentation', 'lib', 'explorer', 'ui'],
  cli: ['engine', 'presentation', 'explorer', 'cli'],
  server: ['engine', 'presentation', 'lib', 'server'],
};

function folderOf(file) {
  const relative = path.relative(SRC, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [top, ...rest] = relative.split(path.sep);
  return rest.length ? top : null;
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'A layer of src/ imports only from the layers below it.' },
    schema: [],
    messages: {
      forbidden:
        'src/{{from}} may import only from {{allowed}}; "{{source}}" is in src/{{to}} (see eslint/layers.js).',
    },
  },
  create(context) {
    const file = context.filename;
    const from = folderOf(file);
    const allowed = from ? LAYERS[from] : undefined;
    if (!allowed) return {};
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const target = path.relative(SRC, path.resolve(path.dirname(file), source.value));
      if (target.startsWith('..') || path.isAbsolute(target)) return; // outside src/: data, config
      const to = target.split(path.sep)[0];
      if (allowed.includes(to)) return;
      context.report({
        node: source,
        messageId: 'forbidden',
        data: {
          from,
          to,
          source: source.value,
          allowed: allowed.map((a) => `src/${a}`).join(', '),
        },
      });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export default { rules: { layers } };
