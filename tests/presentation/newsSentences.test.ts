import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playWithBots } from '../../src/engine/game';
import { labNews, worldNews, type LabFact, type WorldFact } from '../../src/engine/news';
import type { NewsItem, Scenario } from '../../src/engine/types';
import { newsSentence } from '../../src/presentation/newsSentences';
import { humanGame } from '../engine/golden/replays';
import { shippedScenarios } from '../support/shippedScenarios';

const rsp = shippedScenarios.find((s) => s.id === 'anthropic-rsp') as Scenario;
const labs = [
  { id: 'aster', name: 'Aster Labs' },
  { id: 'corvid', name: 'Corvid AI' },
];
const words = (item: NewsItem) => newsSentence(item, rsp, labs);

// One fact of every kind and variant the engine records, with the sentence a reader gets.
const LAB_FACTS: [LabFact, string, string][] = [
  [
    { kind: 'incident', incident: 'theft', severity: 'serious' },
    'Serious incident: theft of model weights (Aster Labs)',
    'Real harm, widely reported. Trust in the industry falls.',
  ],
  [
    { kind: 'announcement', what: 'levelReached', levelId: 'asl-3' },
    'Aster Labs announces its models have reached ASL-3',
    rsp.policies[0]!.levels[0]!.description,
  ],
  [
    { kind: 'announcement', what: 'competitorClause' },
    'Aster Labs invokes its competitor clause',
    'A rival at its level has released in full; its policy lets it adjust its deployment requirements, and it says so publicly.',
  ],
  [
    { kind: 'announcement', what: 'publicBreach' },
    'Aster Labs goes past its own commitment in public view',
    'Its published evals show a threshold crossed without the required safeguards.',
  ],
  [
    { kind: 'revision', levelId: 'asl-3', domain: 'cbrn', from: 0.55, to: 0.6 },
    'Aster Labs loosens its ASL-3 CBRN weapons threshold',
    'Publicly revised from 55% to 60% capability.',
  ],
  [
    { kind: 'revision', levelId: 'asl-4', domain: 'autonomy', from: 0.8, to: 0.7 },
    'Aster Labs tightens its ASL-4 Autonomous AI R&D threshold',
    'Publicly revised from 80% to 70% capability.',
  ],
  [
    { kind: 'audit', what: 'exposed', by: 'audit', breaches: 2, quietRevisions: 1 },
    'An external audit reveals Aster Labs: 2 broken commitments and 1 quietly revised threshold',
    '',
  ],
  [
    { kind: 'audit', what: 'exposed', by: 'whistleblower', breaches: 0, quietRevisions: 3 },
    'A whistleblower reveals Aster Labs: 3 quietly revised thresholds',
    '',
  ],
  [
    { kind: 'audit', what: 'higherLevel', levelId: 'asl-3' },
    "Audit finds Aster Labs' models at ASL-3",
    'The external evaluators elicited capability the lab’s own evals had not shown.',
  ],
  [{ kind: 'audit', what: 'clean' }, 'Audit of Aster Labs finds no problems', ''],
  [
    { kind: 'regulation', what: 'halted' },
    'Regulator halts Aster Labs',
    'Binding rules are in force, and the audit found commitments broken.',
  ],
  [{ kind: 'pause', what: 'joined' }, 'Aster Labs joins the conditional pause agreement', ''],
  [{ kind: 'pause', what: 'left' }, 'Aster Labs leaves the conditional pause agreement', ''],
  [
    { kind: 'pause', what: 'defected' },
    'Aster Labs ignores the pause agreement it signed',
    'The agreement was triggered, and it kept training.',
  ],
  [
    { kind: 'board' },
    "Aster Labs' board presses to move faster",
    'Investors point to rivals’ market share and ask whether the policy’s thresholds could be loosened.',
  ],
  [{ kind: 'deployment' }, 'Aster Labs releases its latest model', ''],
  [
    { kind: 'evals' },
    "Aster Labs' researchers report an unexpected jump in training progress",
    'A breakthrough quarter: capability may have moved further than the last evals show.',
  ],
];

const WORLD_FACTS: [WorldFact, string, string][] = [
  [
    { kind: 'inject', headline: 'Weights stolen', body: 'Written on the spot.' },
    'Weights stolen',
    'Written on the spot.',
  ],
  [
    { kind: 'regulation', what: 'tightened', level: 1 },
    'Regulator requires incident reporting and third-party audits',
    'Public trust has stayed low; the regulator acts.',
  ],
  [
    { kind: 'regulation', what: 'tightened', level: 2 },
    'Regulator makes safety commitments binding',
    'Public trust has stayed low; the regulator acts.',
  ],
  [
    { kind: 'regulation', what: 'tightened', level: 3 },
    'Regulator orders a moratorium on frontier development',
    'Public trust has stayed low; the regulator acts.',
  ],
  [
    { kind: 'pause', what: 'triggered' },
    'The conditional pause agreement is triggered',
    'A member found a dangerous capability without the safeguards to match: members are asked to pause training.',
  ],
];

describe('every news fact has its sentence', () => {
  it.each(
    LAB_FACTS.map(
      ([fact, h, b]) => [`${fact.kind} ${'what' in fact ? fact.what : ''}`, fact, h, b] as const,
    ),
  )('about a lab: %s', (_, fact, headline, body) => {
    expect(words(labNews(4, 'aster', fact))).toEqual({ headline, body });
  });

  it.each(
    WORLD_FACTS.map(
      ([fact, h, b]) => [`${fact.kind} ${'what' in fact ? fact.what : ''}`, fact, h, b] as const,
    ),
  )('about the world: %s', (_, fact, headline, body) => {
    expect(words(worldNews(4, fact))).toEqual({ headline, body });
  });

  it('covers every kind of news', () => {
    const kinds = new Set([...LAB_FACTS, ...WORLD_FACTS].map(([f]) => f.kind));
    expect([...kinds].sort()).toEqual(
      [
        'announcement',
        'audit',
        'board',
        'deployment',
        'evals',
        'incident',
        'inject',
        'pause',
        'regulation',
        'revision',
      ].sort(),
    );
  });

  it('names a lab by the game’s name, with the possessive its name takes', () => {
    expect(words(labNews(2, 'corvid', { kind: 'board' })).headline).toBe(
      "Corvid AI's board presses to move faster",
    );
    const renamed = newsSentence(labNews(2, 'aster', { kind: 'evals' }), rsp, [
      { id: 'aster', name: 'Team Ross' },
    ]);
    expect(renamed.headline).toBe(
      "Team Ross' researchers report an unexpected jump in training progress",
    );
  });

  it('names a level from the lab’s own ladder, as the game played it', () => {
    const level = { ...rsp.policies[0]!.levels[0]!, name: 'Tier X', description: 'Its own words.' };
    const own = [{ id: 'aster', name: 'Aster Labs', policy: { levels: [level] } }];
    const fact = labNews(3, 'aster', {
      kind: 'announcement',
      what: 'levelReached',
      levelId: level.id,
    });
    expect(newsSentence(fact, rsp, own)).toEqual({
      headline: 'Aster Labs announces its models have reached Tier X',
      body: 'Its own words.',
    });
  });

  it('quotes an inject as its author wrote it', () => {
    const quoted = words(
      worldNews(1, { kind: 'inject', headline: "Aster Labs's cbrn threshold", body: '<b>x</b>' }),
    );
    expect(quoted).toEqual({ headline: "Aster Labs's cbrn threshold", body: '<b>x</b>' });
  });
});

/** The games a property draws from: bots in every seat, or a scripted human game (revisions, audits, the pause agreement, injects). */
const games = fc.record({
  scenario: fc.constantFrom(...shippedScenarios),
  seed: fc.integer({ min: 1, max: 10_000 }),
  human: fc.boolean(),
});

describe('the news of any game in words', () => {
  it('every item of every quarter has a headline with the names, never an id or "undefined"', () => {
    fc.assert(
      fc.property(games, ({ scenario, seed, human }) => {
        const state = human ? humanGame(scenario, seed).played : playWithBots(scenario, seed);
        const domainIds = scenario.domains.filter((d) => d.name !== d.id).map((d) => d.id);
        for (const item of [...state.world.news, ...state.history.flatMap((h) => h.news)]) {
          const { headline, body } = newsSentence(item, scenario, state.labs);
          expect(headline.trim()).not.toBe('');
          expect(`${headline} ${body}`).not.toMatch(/undefined|NaN|\[object/);
          if (item.lab !== null) {
            const name = state.labs.find((l) => l.id === item.lab)?.name;
            expect(headline).toContain(name);
          }
          if (item.kind === 'revision') {
            const domain = scenario.domains.find((d) => d.id === item.domain);
            expect(headline).toContain(domain?.name);
            for (const id of domainIds)
              expect(headline).not.toMatch(new RegExp(` ${id} threshold`));
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
