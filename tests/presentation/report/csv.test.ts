import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceGame, createGame } from '../../../src/engine/game';
import { BUDGET_LINES } from '../../../src/engine/types';
import { csvField, decisionsCsv, DECISIONS_CSV_HEADER } from '../../../src/presentation/report/csv';
import { decision, testScenario } from '../../engine/fixtures';

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe('csvField', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // Numbers are data, not text: they are written as numbers.
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(1 / 3)).toBe('0.3333');
  });

  it('reads back as the same text, never starting with a formula character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const [fields] = parseCsv(`${csvField(text)}\r\n`);
        expect(fields).toHaveLength(1);
        const back = fields![0]!;
        expect(back).not.toMatch(/^[=+\-@\t\r]/);
        expect(back).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
    );
  });
});

describe('decisionsCsv', () => {
  const scenario = testScenario({ rounds: 3 });
  let state = createGame(scenario, { seed: 2, humans: ['player'] });
  state = advanceGame(state, scenario, {
    player: decision('deploy', [
      { kind: 'reviseThreshold', levelId: 'L3', domain: 'cbrn', to: 0.7, publicly: false },
      { kind: 'inviteAudit' },
    ]),
  });
  state = advanceGame(state, scenario, { player: decision('restrict') });
  const csv = decisionsCsv(scenario, state, { player: '=cmd|" /C calc"!A0, the team' });
  const rows = parseCsv(csv);

  it('has one row per lab per resolved quarter, with CRLF line ends', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(rows[0]).toEqual([...DECISIONS_CSV_HEADER]);
    expect(rows).toHaveLength(1 + 2 * 4);
    expect(rows.slice(1).map((r) => `${r[0]}:${r[1]}`)).toEqual([
      '1:player',
      '1:fast',
      '1:racer',
      '1:open',
      '2:player',
      '2:fast',
      '2:racer',
      '2:open',
    ]);
    for (const r of rows) expect(r).toHaveLength(DECISIONS_CSV_HEADER.length);
  });

  it('writes the player’s decision, what was taken, its budget and actions', () => {
    const header = rows[0]!;
    const get = (r: string[], name: string) => r[header.indexOf(name)];
    const first = rows[1]!;
    const record = state.history[0]!.labs[0]!;
    expect(get(first, 'lab_name')).toBe('Player Lab');
    expect(get(first, 'team')).toBe('\'=cmd|" /C calc"!A0, the team');
    expect(get(first, 'seat')).toBe('human');
    expect(get(first, 'posture_chosen')).toBe('deploy');
    expect(get(first, 'effective_posture')).toBe(record.effectivePosture);
    expect(get(first, 'compliance')).toBe(record.compliance);
    expect(BUDGET_LINES.map((line) => get(first, `budget_${line}`))).toEqual([
      '0.4',
      '0.15',
      '0.15',
      '0.15',
      '0.15',
    ]);
    expect(get(first, 'actions')).toBe('quiet revision L3 cbrn to 0.7; invite audit');
    expect(Number(get(first, 'risk'))).toBeCloseTo(record.risk.total, 4);
    expect(get(rows[2]!, 'seat')).toBe('bot: fast-follower');
    expect(get(rows[2]!, 'team')).toBe('');
  });
});
