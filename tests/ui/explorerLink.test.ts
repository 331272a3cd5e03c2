import { describe, expect, it } from 'vitest';
import {
  checkExploreSpec,
  makeExploreLink,
  parseExploreLink,
  toSweepSpec,
  type ExploreSpec,
} from '../../src/explorer/exploreLink';

const spec: ExploreSpec = {
  v: 1,
  scenario: 'anthropic-rsp',
  params: [
    { id: 'evalSensitivity', from: 0.2, to: 1, steps: 5 },
    { id: 'labs', from: 2, to: 6, steps: 5 },
  ],
  runs: 200,
  seed: 7,
};

const encode = (value: unknown): string =>
  '#explore=' +
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

describe('explore links', () => {
  it('round-trip: the link parses back to the same spec', () => {
    const link = makeExploreLink(spec);
    expect(link).toMatch(/^#explore=[A-Za-z0-9_-]+$/);
    expect(parseExploreLink(link)).toEqual({ ok: true, spec });
    expect(parseExploreLink(link.slice(1))).toEqual({ ok: true, spec });
    expect(parseExploreLink(link, ['anthropic-rsp'])).toEqual({ ok: true, spec });
  });

  it('the same sweep always gives the same link', () => {
    const shuffled = {
      seed: 7,
      runs: 200,
      params: spec.params.map((p) => ({ steps: p.steps, to: p.to, from: p.from, id: p.id })),
      scenario: spec.scenario,
      v: 1,
    } as ExploreSpec;
    expect(makeExploreLink(shuffled)).toBe(makeExploreLink(spec));
  });

  it('gives the values the engine sweeps', () => {
    expect(toSweepSpec(spec)).toEqual({
      scenarioId: 'anthropic-rsp',
      params: [
        { id: 'evalSensitivity', values: [0.2, 0.4, 0.6, 0.8, 1] },
        { id: 'labs', values: [2, 3, 4, 5, 6] },
      ],
      runs: 200,
      seed: 7,
    });
  });

  it.each([
    ['#play=abc', /does not start with #explore=/],
    ['#explore=***', /not valid base64url/],
    [makeExploreLink(spec).slice(0, 40), /not valid JSON|base64url/],
    [encode([1, 2]), /not a sweep description/],
    [encode({ ...spec, v: 2 }), /version 2, this explorer reads version 1/],
    [encode({ ...spec, scenario: '' }), /names no scenario/],
    [encode({ ...spec, params: [] }), /one or two parameters/],
    [
      encode({ ...spec, params: [{ id: 'warp', from: 0, to: 1, steps: 2 }] }),
      /"warp" is not a parameter/,
    ],
    [
      encode({ ...spec, params: [{ id: 'labs', from: 0, to: 4, steps: 2 }] }),
      /labs must be from 1 to 8, got 0/,
    ],
    [
      encode({ ...spec, params: [{ id: 'labs', from: 2, to: 4, steps: 40 }] }),
      /steps must be a whole number from 1 to 25/,
    ],
    [
      encode({ ...spec, params: [{ id: 'labs', from: '2', to: 4, steps: 2 }] }),
      /"from" must be a number/,
    ],
    [encode({ ...spec, runs: 0 }), /runs per setting must be a whole number/],
    [encode({ ...spec, seed: 1.5 }), /seed must be a whole number/],
    [encode({ ...spec, seed: 'x' }), /runs per setting and seed must be numbers/],
  ])('rejects %s with a plain message', (hash, message) => {
    const result = parseExploreLink(hash);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^This sweep link cannot be used: /);
      expect(result.message).toMatch(message);
    }
  });

  it('checks the scenario against the ones given', () => {
    const result = parseExploreLink(makeExploreLink(spec), ['eval-blind-spot']);
    expect(result).toEqual({
      ok: false,
      message:
        'This sweep link cannot be used: scenario "anthropic-rsp" is not one of the shipped scenarios.',
    });
  });

  it('says plainly when the version is missing, and does not echo long text back', () => {
    expect(checkExploreSpec({ ...spec, v: undefined })).toEqual({
      ok: false,
      problem: 'it has no version number (this explorer reads version 1)',
    });
    const long = 'x'.repeat(10_000);
    const wrongScenario = checkExploreSpec({ ...spec, scenario: long }, ['eval-blind-spot']);
    expect(wrongScenario).toEqual({
      ok: false,
      problem: `scenario "${'x'.repeat(37)}…" is not one of the shipped scenarios`,
    });
    const wrongParam = checkExploreSpec({ ...spec, params: [{ ...spec.params[0], id: long }] });
    expect(wrongParam.ok ? '' : wrongParam.problem).toBe(
      `"${'x'.repeat(37)}…" is not a parameter the explorer can sweep`,
    );
  });

  it('checkExploreSpec reads the form the same way', () => {
    expect(checkExploreSpec(spec)).toEqual({ ok: true, spec });
    expect(checkExploreSpec({ ...spec, runs: null })).toEqual({
      ok: false,
      problem: 'runs per setting and seed must be numbers',
    });
  });
});

describe('named values in links', () => {
  const strategySweep: ExploreSpec = {
    v: 1,
    scenario: 'anthropic-rsp',
    params: [{ id: 'strategy.aster', from: 0, to: 2, steps: 3 }],
    runs: 10,
    seed: 1,
  };
  const payload = (link: string): unknown =>
    JSON.parse(Buffer.from(link.slice('#explore='.length), 'base64url').toString('utf8'));

  it('a strategy or an information regime is written by name, and reads back', () => {
    const link = makeExploreLink(strategySweep);
    expect(payload(link)).toMatchObject({
      params: [{ id: 'strategy.aster', from: 'safety-first', to: 'race-to-deploy', steps: 3 }],
    });
    expect(parseExploreLink(link)).toEqual({ ok: true, spec: strategySweep });
    const info = makeExploreLink({
      ...spec,
      params: [{ id: 'information', from: 0, to: 2, steps: 3 }],
    });
    expect(payload(info)).toMatchObject({ params: [{ from: 'none', to: 'published' }] });
  });

  it('older links with numbers still read; an unknown name says which names it takes', () => {
    expect(parseExploreLink(encode(strategySweep))).toEqual({ ok: true, spec: strategySweep });
    const bad = encode({ ...strategySweep, params: [{ ...strategySweep.params[0], to: 'yolo' }] });
    expect(parseExploreLink(bad)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/strategy\.aster must be one of safety-first, .*got "yolo"/),
    });
  });
});
