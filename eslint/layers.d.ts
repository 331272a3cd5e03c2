import type { Rule } from 'eslint';

export const LAYERS: Readonly<Record<string, readonly string[]>>;
declare const plugin: { rules: { layers: Rule.RuleModule } };
export default plugin;
