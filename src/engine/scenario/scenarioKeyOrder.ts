// Generated from the scenario schema by tests/engine/scenario/writeKeyOrder.ts: do not edit.
// The validator's field order, for the shipped-file reader (keyOrder.ts says why).

import type { KeyOrder } from './keyOrder';

export const SCENARIO_KEY_ORDER: KeyOrder = {
  fields: [
    ['$schema'],
    ['schemaVersion'],
    ['id'],
    ['title'],
    ['pitch'],
    ['briefing'],
    ['difficulty'],
    ['framework', { fields: [['name'], ['version'], ['date']] }],
    ['rounds'],
    ['domains', { item: { fields: [['id'], ['name'], ['description']] } }],
    [
      'policies',
      {
        item: {
          fields: [
            ['id'],
            ['name'],
            ['description'],
            ['framework', { fields: [['name'], ['version'], ['date']] }],
            [
              'levels',
              {
                item: {
                  fields: [
                    ['id'],
                    ['name'],
                    ['description'],
                    [
                      'thresholds',
                      {
                        fields: [
                          ['cbrn'],
                          ['cyber'],
                          ['autonomy'],
                          ['manipulation'],
                          ['oversight'],
                        ],
                      },
                    ],
                    ['trainingRequires', { fields: [['security'], ['deployment'], ['alignment']] }],
                    [
                      'deploymentRequires',
                      { fields: [['security'], ['deployment'], ['alignment']] },
                    ],
                  ],
                },
              },
            ],
            ['evaluation', { fields: [['cadence'], ['safetyBuffer'], ['alertMargin']] }],
            ['whenShort'],
            ['significantShortfall'],
            ['competitorClause'],
            ['binding'],
            ['public'],
          ],
        },
      },
    ],
    ['defaultPolicy'],
    [
      'levels',
      {
        item: {
          fields: [
            ['id'],
            ['name'],
            ['description'],
            [
              'thresholds',
              { fields: [['cbrn'], ['cyber'], ['autonomy'], ['manipulation'], ['oversight']] },
            ],
            ['trainingRequires', { fields: [['security'], ['deployment'], ['alignment']] }],
            ['deploymentRequires', { fields: [['security'], ['deployment'], ['alignment']] }],
          ],
        },
      },
    ],
    [
      'evaluation',
      {
        fields: [
          ['cadence'],
          ['baseSensitivity'],
          ['noise'],
          ['elicitationGap'],
          ['sandbagging'],
          ['safetyBuffer'],
        ],
      },
    ],
    ['information'],
    [
      'dynamics',
      {
        fields: [
          ['growthRate'],
          ['breakthroughChance'],
          ['breakthroughMultiplier'],
          ['safeguardRate'],
          ['safeguardDecay'],
          ['evalLearningRate'],
          ['dangerFloor'],
          ['misuseHazard'],
          ['theftHazard'],
          ['lossOfControlHazard'],
          ['catastropheShare'],
          ['restrictedBreadth'],
          ['restrictedValue'],
          ['marketSize'],
          ['baseFunding'],
          ['competitivePressure'],
          ['pressureDecay'],
          ['trustRecovery'],
          ['regulationLag'],
          ['auditChance'],
          ['pauseAgreementMinimum'],
        ],
      },
    ],
    [
      'labs',
      {
        item: {
          fields: [
            ['id'],
            ['name'],
            ['strategy'],
            ['role'],
            [
              'policy',
              { fields: [['use'], ['binding'], ['inPauseAgreement'], ['publishesEvals']] },
            ],
            [
              'bot',
              {
                fields: [
                  ['capabilityShare'],
                  ['evalShare'],
                  ['pausedCapabilityShare'],
                  ['upkeep'],
                  ['needWeight'],
                  ['safeguardCap'],
                  ['foresight'],
                  ['pressureLimit'],
                  ['rivalReaction'],
                  ['incidentReaction'],
                  ['trustReaction'],
                  ['endgameReaction'],
                  ['theftReaction'],
                ],
              },
            ],
            ['pauseFrom'],
            [
              'start',
              {
                fields: [
                  [
                    'capability',
                    {
                      fields: [['cbrn'], ['cyber'], ['autonomy'], ['manipulation'], ['oversight']],
                    },
                  ],
                  ['safeguards', { fields: [['security'], ['deployment'], ['alignment']] }],
                  ['budget'],
                  ['reputation'],
                ],
              },
            ],
          ],
        },
      },
    ],
    [
      'events',
      {
        item: {
          fields: [
            ['round'],
            ['headline'],
            ['body'],
            [
              'effect',
              {
                variant: 'kind',
                options: {
                  news: { fields: [['kind']] },
                  trust: { fields: [['kind'], ['delta']] },
                  breakthrough: { fields: [['kind'], ['lab'], ['domain'], ['delta']] },
                  weightsStolen: { fields: [['kind'], ['lab']] },
                  whistleblower: { fields: [['kind'], ['lab']] },
                  regulation: { fields: [['kind'], ['level']] },
                  budget: { fields: [['kind'], ['lab'], ['delta']] },
                  boardPressure: { fields: [['kind'], ['lab'], ['delta']] },
                  safeguards: { fields: [['kind'], ['lab'], ['track'], ['delta']] },
                  audit: { fields: [['kind'], ['lab']] },
                },
              },
            ],
          ],
        },
      },
    ],
    ['sources', { item: { fields: [['element'], ['title'], ['url'], ['version']] } }],
    ['simplifications'],
    [
      'facilitation',
      {
        fields: [
          ['learningGoals'],
          ['injectNotes', { item: { fields: [['event'], ['note']] } }],
          ['debriefPrompts'],
        ],
      },
    ],
  ],
};
