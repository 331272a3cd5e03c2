// Where a problem is, in the words the editor's form uses: "Level 2 “ASL-3” · Thresholds ·
// Cyber" for the check's path `levels[1].thresholds.cyber`.

import type { PolicySpec, Scenario } from '../../engine/types';
import { TRACK_LABEL } from '../game/names';

const FIELDS: Record<string, string> = {
  id: 'Id',
  name: 'Name',
  description: 'Description',
  framework: 'Based on',
  version: 'Version',
  date: 'Date',
  levels: 'Levels',
  thresholds: 'Thresholds',
  trainingRequires: 'To keep training',
  deploymentRequires: 'To deploy fully',
  evaluation: 'Evaluations',
  cadence: 'Quarters between evaluations',
  safetyBuffer: 'Safety buffer',
  alertMargin: 'Alert margin',
  whenShort: 'When training safeguards are short',
  significantShortfall: 'Significant shortfall',
  competitorClause: 'Competitor clause',
  binding: 'Binding',
  public: 'Public',
  ...TRACK_LABEL,
};

/** The form's words for a path of the policy check (`(file)` and unknown parts are kept). */
export function fieldName(path: string, policy: PolicySpec, scenario: Scenario): string {
  const parts = path.match(/[^.[\]]+/g) ?? [path];
  const words: string[] = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    if (part === 'levels' && next !== undefined && /^\d+$/.test(next)) {
      const index = Number(next);
      const name = policy.levels[index]?.name;
      words.push(
        `Level ${index + 1}${typeof name === 'string' && name.trim() ? ` “${name}”` : ''}`,
      );
      i += 1;
      continue;
    }
    const domain = scenario.domains.find((d) => d.id === part);
    words.push(domain?.name ?? FIELDS[part] ?? part);
  }
  return words.join(' · ');
}
