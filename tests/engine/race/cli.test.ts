import { describe, expect, it } from 'vitest';
import { runAbs } from '../../../src/cli/commands/abs';
import { simulateRace } from '../../../src/engine/race/simulate';

function run(argv: string[]): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runAbs(argv, (line) => lines.push(line));
  return { code, lines };
}

describe('sim abs: JSON output', () => {
  it('prints exactly one JSON object with the documented keys and the defaults', () => {
    const { code, lines } = run(['--json']);
    expect(code).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['model', 'params', 'pDisaster', 'ci95', 'closedForm']);
    expect(out.model).toBe('armstrong-bostrom-shulman-2016');
    expect(out.params).toEqual({
      teams: 2,
      enmity: 1,
      skill: 1,
      info: 'none',
      runs: 10000,
      seed: 1,
    });
    // Defaults: s* = min(1, μ/(n e)) = 1/2, so disaster has probability 1/2.
    expect(out.closedForm).toBeCloseTo(0.5, 12);
    expect(out.pDisaster).toBeGreaterThan(0.48);
    expect(out.pDisaster).toBeLessThan(0.52);
    expect(out.ci95).toHaveLength(2);
  });

  it('agrees with simulateRace for the same options', () => {
    const { code, lines } = run([
      '--teams',
      '4',
      '--enmity',
      '0.8',
      '--skill',
      '0.6',
      '--info',
      'private',
      '--runs',
      '3000',
      '--seed',
      '99',
      '--json',
    ]);
    expect(code).toBe(0);
    const out = JSON.parse(lines[0]);
    const direct = simulateRace({
      teams: 4,
      enmity: 0.8,
      skill: 0.6,
      info: 'private',
      runs: 3000,
      seed: 99,
    });
    if (!direct.ok) throw new Error('unexpected error');
    expect(out.pDisaster).toBe(direct.pDisaster);
    expect(out.ci95).toEqual(direct.ci95);
    expect(out.closedForm).toBe(direct.closedForm);
  });

  it('accepts --flag=value, reports the public rule, and is deterministic', () => {
    const argv = ['--info=public', '--public-rule=deterrence', '--enmity=0.25', '--json'];
    const a = run(argv);
    const b = run(argv);
    expect(a).toEqual(b);
    const out = JSON.parse(a.lines[0]);
    expect(out.params.publicRule).toBe('deterrence');
    expect(out.closedForm).toBeCloseTo(11 / 48, 12);
  });

  it('uses the subgame-perfect leader for public information unless told otherwise', () => {
    const out = JSON.parse(run(['--info', 'public', '--enmity', '0.5', '--json']).lines[0]);
    expect(out.params.publicRule).toBe('subgame-perfect');
    expect(out.closedForm).toBeCloseTo(241 / 1500, 12);
    const { lines } = run(['--info', 'public', '--enmity', '0.5']);
    expect(lines.join('\n')).toMatch(/information public \(subgame-perfect\)/);
    expect(lines.join('\n')).toMatch(/unless its lead is below 0\.2000: then it takes s = 1/);
    const allIn = JSON.parse(
      run(['--info', 'public', '--enmity', '0.5', '--public-rule', 'all-in', '--json']).lines[0],
    );
    expect(allIn.closedForm).toBeCloseTo(2 / 3, 12);
  });
});

describe('sim abs: readable summary', () => {
  it('prints the parameters, the equilibrium and both estimates', () => {
    const { code, lines } = run(['--teams', '3', '--enmity', '1', '--info', 'private']);
    expect(code).toBe(0);
    const text = lines.join('\n');
    expect(text).toContain('teams 3');
    expect(text).toContain('s(c) = min(1, c / 3.0000)');
    expect(text).toMatch(/P\(disaster\), Monte Carlo: 0\.\d{4} \(95% CI/);
    expect(text).toContain('P(disaster), closed form: 0.7500');
  });

  it('--help prints usage and succeeds, even next to other arguments', () => {
    const { code, lines } = run(['--teams', 'x', '--help']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^usage: sim abs/);
  });
});

describe('sim abs: argument errors', () => {
  const bad: [string[], RegExp][] = [
    [['--teams', '1'], /teams must be an integer from 2/],
    [['--teams', '2.5'], /teams must be an integer/],
    [['--teams', 'abc'], /--teams must be a number \(got "abc"\)/],
    [['--teams'], /--teams needs a value/],
    [['--teams', '--json'], /--teams needs a value/],
    [['--enmity', '1.5'], /enmity must be a number in \[0, 1\]/],
    [['--enmity', '-0.2'], /enmity must be a number in \[0, 1\]/],
    [['--skill', '0'], /skill \(mu\) must be a finite number > 0/],
    [['--skill', '1e999'], /skill \(mu\) must be a finite number > 0/],
    [['--skill', '0x10'], /--skill must be a number/],
    [['--info', 'secret'], /info must be one of none, private, public/],
    [['--public-rule', 'nice'], /publicRule must be one of subgame-perfect, deterrence, all-in/],
    [['--runs', '0'], /runs must be an integer from 1/],
    [['--seed', '1.5'], /seed must be an integer/],
    [['--frobnicate'], /unknown option "--frobnicate"/],
    [['teams=3'], /unexpected argument "teams=3"/],
    [['--runs', '5', '--runs', '6'], /--runs given more than once/],
    [['--teams', '1000', '--runs', '1000000'], /teams × runs must be at most/],
  ];

  it.each(bad)('%j', (argv, message) => {
    const { code, lines } = run(argv);
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith('error: ')).toBe(true);
    expect(lines[0]).toMatch(message);
    // One plain line: no stack trace, no embedded newlines.
    expect(lines[0]).not.toMatch(/\n|\s+at\s+\S+\s+\(/);
  });

  it('reports every invalid value at once', () => {
    const { code, lines } = run(['--enmity', '2', '--skill', '-1']);
    expect(code).toBe(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/enmity.*; skill/);
  });
});
