// Rules that relate one part of a scenario to another. They run after the structure has passed
// the schema, so every value here has the right type; each broken rule becomes one issue with
// the path of the value to fix.

import type { DomainId, LevelSpec, SafeguardTrack, ScriptedEvent } from '../types';
import { SAFEGUARD_TRACKS } from '../types';
import { LIMITS } from './limits';
import type { ScenarioInput } from './schema';

type Scenario = ScenarioInput;

export type PathSegment = string | number;

export interface RawIssue {
  path: PathSegment[];
  message: string;
}

const quote = (value: string | number) => JSON.stringify(value);
const named = (ids: readonly string[]) => (ids.length ? ids.map(quote).join(', ') : '(none)');

function duplicates<T extends { id: string }>(
  items: readonly T[],
  list: string | PathSegment[],
  noun: string,
): RawIssue[] {
  const at = typeof list === 'string' ? [list] : list;
  const listName = at
    .map((s) => (typeof s === 'number' ? `[${s}]` : s))
    .join('.')
    .replace(/\.\[/g, '[');
  const firstIndex = new Map<string, number>();
  const issues: RawIssue[] = [];
  items.forEach((item, index) => {
    const earlier = firstIndex.get(item.id);
    if (earlier === undefined) {
      firstIndex.set(item.id, index);
    } else {
      issues.push({
        path: [...at, index, 'id'],
        message: `duplicate ${noun} id ${quote(item.id)} — ${listName}[${earlier}] already uses it; ids must be unique`,
      });
    }
  });
  return issues;
}

/** The rules every ladder meets, wherever it is (`at`: its path, e.g. ['policies', 0, 'levels']). */
function checkLevels(
  levels: readonly LevelSpec[],
  at: PathSegment[],
  declared: Set<DomainId>,
): RawIssue[] {
  const issues: RawIssue[] = [];
  const domainList = named([...declared]);
  levels.forEach((level, index) => {
    const thresholdDomains = Object.keys(level.thresholds) as DomainId[];
    if (thresholdDomains.length === 0) {
      issues.push({
        path: [...at, index, 'thresholds'],
        message: `level ${quote(level.id)} has no thresholds, so it can never be reached — give it at least one domain threshold`,
      });
    }
    for (const domain of thresholdDomains) {
      if (!declared.has(domain)) {
        issues.push({
          path: [...at, index, 'thresholds', domain],
          message: `${quote(domain)} is not one of this scenario's domains (${domainList}) — add it to "domains" or remove this threshold`,
        });
      }
    }
  });

  // Thresholds rise up the ladder, per domain.
  const highest = new Map<DomainId, { value: number; level: LevelSpec }>();
  levels.forEach((level, index) => {
    for (const [domain, value] of Object.entries(level.thresholds) as [DomainId, number][]) {
      const below = highest.get(domain);
      if (below && value <= below.value) {
        issues.push({
          path: [...at, index, 'thresholds', domain],
          message: `levels are out of order: ${quote(level.id)} must have a higher ${domain} threshold than the level below it, ${quote(below.level.id)} (${below.value}), got ${value} — list levels from lowest to highest`,
        });
      } else {
        highest.set(domain, { value, level });
      }
    }
  });

  // Requirements never fall up the ladder, per track. (Skipped while the thresholds are out of
  // order: then the levels are probably listed the wrong way round, and one message is enough.)
  if (issues.some((issue) => issue.message.startsWith('levels are out of order'))) return issues;
  for (const which of ['trainingRequires', 'deploymentRequires'] as const) {
    const strongest = new Map<SafeguardTrack, { value: number; level: LevelSpec }>();
    levels.forEach((level, index) => {
      for (const track of SAFEGUARD_TRACKS) {
        const value = level[which][track];
        const below = strongest.get(track);
        if (below && (value === undefined || value < below.value)) {
          issues.push(
            value === undefined
              ? {
                  path: [...at, index, which],
                  message: `${quote(level.id)} does not require ${track} readiness, but the level below it, ${quote(below.level.id)}, requires ${below.value} — a higher level must require at least as much (add "${track}": ${below.value} or more)`,
                }
              : {
                  path: [...at, index, which, track],
                  message: `${quote(level.id)} requires less ${track} readiness (${value}) than the level below it, ${quote(below.level.id)} (${below.value}) — a higher level must require at least as much`,
                },
          );
        } else if (value !== undefined) {
          strongest.set(track, { value, level });
        }
      }
    });
  }
  return issues;
}

function checkLabs(scenario: Scenario, declared: Set<DomainId>): RawIssue[] {
  const issues: RawIssue[] = [];
  const players = scenario.labs
    .map((lab, index) => ({ lab, index }))
    .filter(({ lab }) => lab.role === 'player');
  if (players.length === 0) {
    issues.push({
      path: ['labs'],
      message: `expected exactly one lab with "role": "player", found none — set one lab's role to "player"`,
    });
  }
  for (const extra of players.slice(1)) {
    issues.push({
      path: ['labs', extra.index, 'role'],
      message: `expected exactly one lab with "role": "player", found ${players.length} — labs[${players[0].index}] is already the player; make this one "rival"`,
    });
  }
  scenario.labs.forEach((lab, index) => {
    if (lab.pauseFrom !== undefined && lab.pauseFrom > scenario.rounds) {
      issues.push({
        path: ['labs', index, 'pauseFrom'],
        message: `quarter ${lab.pauseFrom} is after the last round (${scenario.rounds}) — the lab would never pause`,
      });
    }
    for (const domain of Object.keys(lab.start.capability) as DomainId[]) {
      if (!declared.has(domain)) {
        issues.push({
          path: ['labs', index, 'start', 'capability', domain],
          message: `${quote(domain)} is not one of this scenario's domains (${named([...declared])}) — add it to "domains" or remove this starting capability`,
        });
      }
    }
  });
  return issues;
}

function checkEvent(
  event: ScriptedEvent,
  index: number,
  scenario: Scenario,
  labIds: string[],
  declared: Set<DomainId>,
): RawIssue[] {
  const issues: RawIssue[] = [];
  if (event.round > scenario.rounds) {
    issues.push({
      path: ['events', index, 'round'],
      message: `round ${event.round} is after the last round (${scenario.rounds}) — the event would never fire`,
    });
  }
  const effect = event.effect;
  if ('lab' in effect) {
    const wildcard =
      effect.kind === 'whistleblower'
        ? 'any'
        : effect.kind === 'weightsStolen' || effect.kind === 'audit'
          ? null
          : 'all';
    if (effect.lab !== wildcard && !labIds.includes(effect.lab)) {
      const unique = [...new Set(labIds)];
      const choices = wildcard ? [...unique, wildcard] : unique;
      issues.push({
        path: ['events', index, 'effect', 'lab'],
        message: `${quote(effect.lab)} is not a lab in this scenario — expected one of ${named(choices)}`,
      });
    }
  }
  if (effect.kind === 'breakthrough' && !declared.has(effect.domain)) {
    issues.push({
      path: ['events', index, 'effect', 'domain'],
      message: `${quote(effect.domain)} is not one of this scenario's domains (${named([...declared])})`,
    });
  }
  return issues;
}

/**
 * The old format (no `policies`): one ladder for every lab, whose cadence and per-lab `binding`
 * must be given; nothing may name a policy.
 */
function checkOldFormat(scenario: Scenario): RawIssue[] {
  const issues: RawIssue[] = [];
  if (scenario.levels === undefined) {
    return [
      {
        path: ['policies'],
        message: `missing — expected a list of ${LIMITS.policies.min} to ${LIMITS.policies.max} policies (each with its levels), or, in the old format, a top-level "levels" list`,
      },
    ];
  }
  if (scenario.evaluation.cadence === undefined) {
    issues.push({
      path: ['evaluation', 'cadence'],
      message:
        'missing — expected a whole number from 1 to 8 (in the old format, without "policies", the cadence is given here)',
    });
  }
  if (scenario.defaultPolicy !== undefined) {
    issues.push({
      path: ['defaultPolicy'],
      message: 'this file has no "policies" to choose from — add "policies" or remove this field',
    });
  }
  scenario.labs.forEach((lab, index) => {
    if (lab.policy.use !== undefined) {
      issues.push({
        path: ['labs', index, 'policy', 'use'],
        message: `this file has no "policies", so there is no policy ${quote(lab.policy.use)} — add "policies" or remove this field`,
      });
    }
    if (lab.policy.binding === undefined) {
      issues.push({
        path: ['labs', index, 'policy', 'binding'],
        message:
          'missing — expected true or false (in the old format, without "policies", every lab says whether its policy binds it)',
      });
    }
  });
  return issues;
}

/** The new format: policies named uniquely, every reference to one resolves, ladders sound. */
function checkPolicies(
  scenario: Scenario,
  policies: NonNullable<Scenario['policies']>,
  declared: Set<DomainId>,
): RawIssue[] {
  const issues: RawIssue[] = [...duplicates(policies, 'policies', 'policy')];
  const ids = policies.map((p) => p.id);
  const unknown = (id: string) =>
    `there is no policy ${quote(id)} in this scenario — expected one of ${named(ids)}`;
  if (scenario.defaultPolicy !== undefined && !ids.includes(scenario.defaultPolicy)) {
    issues.push({ path: ['defaultPolicy'], message: unknown(scenario.defaultPolicy) });
  }
  scenario.labs.forEach((lab, index) => {
    if (lab.policy.use !== undefined && !ids.includes(lab.policy.use)) {
      issues.push({ path: ['labs', index, 'policy', 'use'], message: unknown(lab.policy.use) });
    }
  });
  // A ladder at the top beside policies is the default policy's (a resolved scenario, as saves
  // and share links hold it, repeats it there): it is checked there, and replaces the policy's.
  const fallback = policies.find((p) => p.id === scenario.defaultPolicy) ?? policies[0];
  policies.forEach((policy, index) => {
    if (policy === fallback && scenario.levels !== undefined) return;
    issues.push(...ladderIssues(policy.levels, ['policies', index, 'levels'], declared));
  });
  if (scenario.levels !== undefined) {
    issues.push(...ladderIssues(scenario.levels, ['levels'], declared));
  }
  return issues;
}

/**
 * A ladder's rules in the context of a scenario's domains (`at`: its path): unique level ids,
 * thresholds on declared domains, rising up the ladder, requirements never falling. A policy file
 * is checked with this against the scenario it is played in (policyFile.ts).
 */
export function ladderIssues(
  levels: readonly LevelSpec[],
  at: PathSegment[],
  declared: Set<DomainId>,
): RawIssue[] {
  return [...duplicates(levels, at, 'level'), ...checkLevels(levels, at, declared)];
}

/** Inject notes point at scripted events that exist. */
function checkFacilitation(scenario: Scenario): RawIssue[] {
  return (scenario.facilitation?.injectNotes ?? []).flatMap((note, index) =>
    note.event < scenario.events.length
      ? []
      : [
          {
            path: ['facilitation', 'injectNotes', index, 'event'],
            message: `there is no event ${note.event}: "events" has ${scenario.events.length} (numbered from 0)`,
          },
        ],
  );
}

/** Every cross-reference and ordering rule a well-formed scenario must also meet. */
export function semanticIssues(scenario: Scenario): RawIssue[] {
  const declared = new Set(scenario.domains.map((domain) => domain.id));
  const labIds = scenario.labs.map((lab) => lab.id);
  const policies = scenario.policies;
  return [
    ...duplicates(scenario.domains, 'domains', 'domain'),
    ...duplicates(scenario.labs, 'labs', 'lab'),
    ...(policies === undefined
      ? [...checkOldFormat(scenario), ...ladderIssues(scenario.levels ?? [], ['levels'], declared)]
      : checkPolicies(scenario, policies, declared)),
    ...checkLabs(scenario, declared),
    ...scenario.events.flatMap((event, index) =>
      checkEvent(event, index, scenario, labIds, declared),
    ),
    ...checkFacilitation(scenario),
  ];
}
