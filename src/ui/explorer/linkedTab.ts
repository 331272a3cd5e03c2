// An Explorer tab that is fetched when first needed (shown, or opened by one of its links): its
// panel, the form and runner it keeps while the Explorer is open, and how it reads its links.
// Each such tab is a module of its own (pauseTab, compareTab, scorecardTab) that Explorer.svelte
// imports dynamically, so a sweep never loads another tab's code.

import type { LinkResult } from '../../explorer/linkCodec';

export interface LinkedTab<Panel, Form, Runner, Spec> {
  Panel: Panel;
  form: Form;
  runner: Runner;
  /** Read a link of this tab's kind; if it can be used, stop any run and fill the form. */
  readLink(hash: string): LinkResult<Spec>;
}

export function linkedTab<Panel, Form, Runner extends { cancel(): void }, Spec>(parts: {
  Panel: Panel;
  form: Form;
  runner: Runner;
  parse: (hash: string) => LinkResult<Spec>;
  fill: (spec: Spec) => void;
}): LinkedTab<Panel, Form, Runner, Spec> {
  const { Panel, form, runner, parse, fill } = parts;
  return {
    Panel,
    form,
    runner,
    readLink(hash) {
      const parsed = parse(hash);
      if (parsed.ok) {
        runner.cancel();
        fill(parsed.spec);
      }
      return parsed;
    },
  };
}
