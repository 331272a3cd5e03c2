import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  eventLink,
  eventTokenFrom,
  pastedToken,
  readServerAddress,
  roomLink,
  roomTokenFrom,
} from '../../src/lib/roomLink';
import { roomRequestFrom } from '../../src/lib/roomSetup';
import { readRoomRequest } from '../../src/server/roomRequest';
import { shippedScenarios } from '../support/shippedScenarios';

const token = (chars: string[]) => chars.join('');
const TOKEN = fc
  .array(fc.constantFrom(...'abcXYZ019-_'.split('')), { minLength: 24, maxLength: 24 })
  .map(token);

describe('room links', () => {
  it('carry the token in the fragment and give it back, for any server address', () => {
    fc.assert(
      fc.property(
        TOKEN,
        fc.constantFrom('http://192.168.1.20:8080', 'https://rsp.example/'),
        (t, base) => {
          const link = new URL(roomLink(base, t));
          expect(link.search).toBe('');
          expect(link.pathname).toBe('/');
          expect(roomTokenFrom(link.hash)).toBe(t);
        },
      ),
    );
  });

  it('give an event’s link its own fragment, which opens no room', () => {
    fc.assert(
      fc.property(
        TOKEN,
        fc.constantFrom('http://192.168.1.20:8080', 'https://rsp.example/'),
        (t, base) => {
          const link = new URL(eventLink(base, t));
          expect(link.search).toBe('');
          expect(eventTokenFrom(link.hash)).toBe(t);
          expect(roomTokenFrom(link.hash)).toBeNull();
        },
      ),
    );
  });

  it('read a pasted link or token of the kind asked for, and nothing else', () => {
    fc.assert(
      fc.property(TOKEN, (t) => {
        expect(pastedToken(`  ${roomLink('http://10.0.0.2:8080', t)}\n`, 'room')).toBe(t);
        expect(pastedToken(eventLink('https://rsp.example', t), 'event')).toBe(t);
        expect(pastedToken(t, 'room')).toBe(t);
        expect(pastedToken(roomLink('http://10.0.0.2:8080', t), 'event')).toBeNull();
        expect(pastedToken(eventLink('http://10.0.0.2:8080', t), 'room')).toBeNull();
      }),
    );
    for (const text of ['', 'Table 3', 'http://10.0.0.2:8080/', '#room=short']) {
      expect(pastedToken(text, 'room'), text).toBeNull();
    }
  });

  it('reads no token from a fragment that is not a whole room link', () => {
    for (const hash of [
      '',
      '#room=',
      '#room=short',
      `#room=${'a'.repeat(25)}`,
      '#projector',
      `#room=${'a'.repeat(23)}!`,
    ]) {
      expect(roomTokenFrom(hash), hash).toBeNull();
    }
  });

  it('reads a typed server address as its origin, or says what is wrong', () => {
    const page = 'http://localhost:8080';
    expect(readServerAddress('', page)).toEqual({ ok: true, base: page });
    expect(readServerAddress(' 192.168.1.20:8080 ', page)).toEqual({
      ok: true,
      base: 'http://192.168.1.20:8080',
    });
    expect(readServerAddress('https://rsp.example/some/page', page)).toEqual({
      ok: true,
      base: 'https://rsp.example',
    });
    expect(readServerAddress('ftp://files.example', page)).toMatchObject({ ok: false });
    expect(readServerAddress('http://', page)).toMatchObject({ ok: false });
  });
});

describe('a room request from the setup form', () => {
  const scenarios = shippedScenarios;
  const scenario = scenarios[0]!;
  const draft = {
    scenario,
    teams: [
      { name: 'Amber', labName: '' },
      { name: 'Birch', labName: 'Birch Labs' },
    ],
    timerSeconds: 240,
    seed: 9,
  };

  it('names a shipped scenario by its id, and keeps teams, timer, seed and length', () => {
    expect(roomRequestFrom(draft, { quarters: 4, pin: '', policyStep: null }, scenarios)).toEqual({
      scenario: scenario.id,
      teams: [{ name: 'Amber' }, { name: 'Birch', labName: 'Birch Labs' }],
      seed: 9,
      timerSeconds: 240,
      quarters: 4,
    });
    expect(
      roomRequestFrom(draft, { quarters: null, pin: '', policyStep: null }, scenarios),
    ).not.toHaveProperty('quarters');
  });

  it('sends a scenario loaded from a file by its contents', () => {
    const own = { ...scenario, title: 'Our own' };
    const request = roomRequestFrom(
      { ...draft, scenario: own },
      { quarters: null, pin: '', policyStep: null },
      scenarios,
    );
    expect(request.scenario).toMatchObject({ title: 'Our own', id: scenario.id });
    // The server reads it as it reads any scenario file: the room can be created.
    const read = readRoomRequest(request, scenarios);
    expect(read.ok ? read.record.setup.scenario.title : read.message).toBe('Our own');
  });
});
