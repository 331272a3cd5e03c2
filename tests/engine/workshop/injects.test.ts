import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INJECT_BODY,
  EFFECT_FIELDS,
  EFFECT_KINDS,
  emptyInjectForm,
  eventFromForm,
  injectTemplates,
  validateInject,
  type InjectForm,
} from '../../../src/engine/workshop/injects';
import { BOT, LAB_A, SCENARIO } from './helpers';

const form = (fields: Partial<InjectForm>): InjectForm => ({
  ...emptyInjectForm(SCENARIO),
  headline: 'Something happens',
  ...fields,
});

describe('injects written on the spot', () => {
  it('carry only the fields their kind of effect has', () => {
    for (const kind of EFFECT_KINDS) {
      const { effect } = eventFromForm(form({ kind, delta: '0.1', level: '2' }));
      expect(Object.keys(effect as object).sort()).toEqual(['kind', ...EFFECT_FIELDS[kind]].sort());
    }
    expect(eventFromForm(form({ kind: 'trust', delta: ' -0.2 ' })).effect).toEqual({
      kind: 'trust',
      delta: -0.2,
    });
    expect(eventFromForm(form({ body: '  ' })).body).toBe(DEFAULT_INJECT_BODY);
  });

  it('pass through the scenario validator and come out as events', () => {
    const result = validateInject(
      SCENARIO,
      eventFromForm(form({ kind: 'weightsStolen', lab: BOT, headline: ' Weights leak ' })),
    );
    expect(result).toEqual({
      ok: true,
      event: {
        round: 1,
        headline: 'Weights leak',
        body: DEFAULT_INJECT_BODY,
        effect: { kind: 'weightsStolen', lab: BOT },
      },
    });
    for (const t of injectTemplates(SCENARIO)) {
      expect(validateInject(SCENARIO, eventFromForm(t.form)).ok, t.label).toBe(true);
    }
  });

  it('get the validator’s messages, placed on the field they are about', () => {
    const problems = (fields: Partial<InjectForm>) => {
      const r = validateInject(SCENARIO, eventFromForm(form(fields)));
      return r.ok ? [] : r.problems;
    };
    expect(problems({ kind: 'trust', delta: 'a lot' })).toEqual([
      {
        field: 'delta',
        path: 'effect.delta',
        message: expect.stringContaining('got "a lot"'),
      },
    ]);
    expect(
      problems({ kind: 'breakthrough', lab: LAB_A, domain: 'cbrn', delta: '0.9' })[0],
    ).toMatchObject({
      field: 'delta',
      message: expect.stringMatching(/0\.5/),
    });
    expect(problems({ kind: 'audit', lab: 'all' })[0]).toMatchObject({
      field: 'lab',
      path: 'effect.lab',
    });
    expect(problems({ kind: 'budget', lab: 'nowhere', delta: '10' })[0]).toMatchObject({
      field: 'lab',
      message: expect.stringContaining('nowhere'),
    });
    expect(problems({ headline: '' })[0]).toMatchObject({ field: 'headline', path: 'headline' });
    expect(problems({ kind: 'regulation', level: '7' })[0]).toMatchObject({ field: 'level' });
  });

  it('refuse anything that is not an event, without throwing', () => {
    const r = validateInject(SCENARIO, { headline: 3, body: null, effect: 'boom' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.field).sort()).toEqual(['body', 'effect', 'headline']);
  });
});
