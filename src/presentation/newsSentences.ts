// Each news fact in words: the headline and body a reader sees. The record holds facts with ids
// (src/engine/types.ts, NewsItem); the names are the scenario's and the game's, looked up here, so
// a domain is named ("CBRN weapons", not "cbrn") and a possessive fits its name ("Aster Labs'")
// by construction. An inject's words are the scenario's or the facilitator's, quoted as written.

import { percent } from '../engine/numbers';
import { labPolicy } from '../engine/policies';
import { domainName, levelName } from '../engine/scenarioNames';
import type { LabNews, LevelSpec, NewsItem, Scenario } from '../engine/types';
import { plural, possessive } from './debrief/words';
import { describeIncident } from './incidentWords';
import { REGULATION_HEADLINES } from './regulationWords';

export interface NewsWords {
  headline: string;
  body: string;
}

/**
 * The labs whose names the news uses: the game's (a workshop may rename them). A game's labs also
 * carry their ladders, which name the levels their news speaks of.
 */
export type NamedLabs = readonly NamedLab[];
type NamedLab = { id: string; name: string; policy?: { levels: readonly LevelSpec[] } };

type LevelWords = Pick<LevelSpec, 'name' | 'description'>;

/** A level of the lab's own ladder (as played, else its policy's), else any the scenario has. */
function levelOf(
  scenario: Scenario,
  lab: NamedLab | undefined,
  id: string,
  levelId: string,
): LevelWords {
  const own =
    lab?.policy?.levels.find((l) => l.id === levelId) ??
    labPolicy(scenario, id).levels.find((l) => l.id === levelId);
  return own ?? { name: levelName(scenario, levelId), description: '' };
}

function labWords(item: LabNews, named: NamedLab | undefined, scenario: Scenario): NewsWords {
  const lab = named?.name ?? item.lab;
  const levelOfItem = (levelId: string) => levelOf(scenario, named, item.lab, levelId);
  switch (item.kind) {
    case 'incident':
      return describeIncident({ kind: item.incident, severity: item.severity }, lab);
    case 'announcement':
      switch (item.what) {
        case 'levelReached': {
          const level = levelOfItem(item.levelId);
          return {
            headline: `${lab} announces its models have reached ${level.name}`,
            body: level.description,
          };
        }
        case 'competitorClause':
          return {
            headline: `${lab} invokes its competitor clause`,
            body: 'A rival at its level has released in full; its policy lets it adjust its deployment requirements, and it says so publicly.',
          };
        case 'publicBreach':
          return {
            headline: `${lab} goes past its own commitment in public view`,
            body: 'Its published evals show a threshold crossed without the required safeguards.',
          };
      }
      break;
    case 'revision': {
      const level = levelOfItem(item.levelId).name;
      const domain = domainName(scenario, item.domain);
      return {
        headline: `${lab} ${item.to > item.from ? 'loosens' : 'tightens'} its ${level} ${domain} threshold`,
        body: `Publicly revised from ${percent(item.from)} to ${percent(item.to)} capability.`,
      };
    }
    case 'audit':
      switch (item.what) {
        case 'exposed': {
          const found = [
            item.breaches > 0 ? plural(item.breaches, 'broken commitment') : '',
            item.quietRevisions > 0 ? plural(item.quietRevisions, 'quietly revised threshold') : '',
          ].filter(Boolean);
          const by = item.by === 'audit' ? 'An external audit' : 'A whistleblower';
          return { headline: `${by} reveals ${lab}: ${found.join(' and ')}`, body: '' };
        }
        case 'higherLevel':
          return {
            headline: `Audit finds ${possessive(lab)} models at ${levelOfItem(item.levelId).name}`,
            body: 'The external evaluators elicited capability the lab’s own evals had not shown.',
          };
        case 'clean':
          return { headline: `Audit of ${lab} finds no problems`, body: '' };
      }
      break;
    case 'regulation':
      return {
        headline: `Regulator halts ${lab}`,
        body: 'Binding rules are in force, and the audit found commitments broken.',
      };
    case 'pause':
      switch (item.what) {
        case 'joined':
          return { headline: `${lab} joins the conditional pause agreement`, body: '' };
        case 'left':
          return { headline: `${lab} leaves the conditional pause agreement`, body: '' };
        case 'defected':
          return {
            headline: `${lab} ignores the pause agreement it signed`,
            body: 'The agreement was triggered, and it kept training.',
          };
      }
      break;
    case 'board':
      return {
        headline: `${possessive(lab)} board presses to move faster`,
        body: 'Investors point to rivals’ market share and ask whether the policy’s thresholds could be loosened.',
      };
    case 'deployment':
      return { headline: `${lab} releases its latest model`, body: '' };
    case 'evals':
      return {
        headline: `${possessive(lab)} researchers report an unexpected jump in training progress`,
        body: 'A breakthrough quarter: capability may have moved further than the last evals show.',
      };
  }
}

/** One news item's headline and body, in the scenario's and the game's names. */
export function newsSentence(item: NewsItem, scenario: Scenario, labs: NamedLabs): NewsWords {
  if (item.lab === null) {
    switch (item.kind) {
      case 'inject':
        return { headline: item.headline, body: item.body };
      case 'regulation':
        return {
          headline: REGULATION_HEADLINES[item.level],
          body: 'Public trust has stayed low; the regulator acts.',
        };
      case 'pause':
        return {
          headline: 'The conditional pause agreement is triggered',
          body: 'A member found a dangerous capability without the safeguards to match: members are asked to pause training.',
        };
    }
  }
  return labWords(
    item,
    labs.find((l) => l.id === item.lab),
    scenario,
  );
}
