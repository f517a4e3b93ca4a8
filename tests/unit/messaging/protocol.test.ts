import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  isOwnSender,
  MESSAGES,
  parseMessage,
  type Message,
  type MessageType,
} from '../../../src/messaging/protocol';

const TYPES = Object.keys(MESSAGES) as MessageType[];

describe('parseMessage', () => {
  const valid: Message[] = [
    { type: 'page/get-summary' },
    { type: 'page/toggle-marks' },
    { type: 'page/reveal', id: 'trainium-2' },
    { type: 'page/reveal', id: 'tsmc' },
    { type: 'page/step', direction: 1 },
    { type: 'page/step', direction: -1 },
    { type: 'page/look-up', text: 'Trainium 2' },
    { type: 'page/look-up', text: 'x'.repeat(200) },
    { type: 'tab/summary-changed', distinct: 0, active: false },
    { type: 'tab/summary-changed', distinct: 14, active: true },
  ];

  it.each(valid.map((m) => [m.type, m]))('accepts a well-formed %s message', (_, message) => {
    expect(parseMessage(message)).toEqual(message);
  });

  it('returns a copy without extra fields', () => {
    const parsed = parseMessage({ type: 'page/reveal', id: 'nvidia', extra: '<script>' });
    expect(parsed).toEqual({ type: 'page/reveal', id: 'nvidia' });
    expect(parseMessage({ type: 'page/get-summary', payload: 1 })).toEqual({
      type: 'page/get-summary',
    });
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'page/get-summary'],
    ['a number', 42],
    ['a boolean', true],
    ['a function', () => ({ type: 'page/get-summary' })],
    ['an array', [{ type: 'page/get-summary' }]],
  ])('rejects %s', (_, value) => {
    expect(parseMessage(value)).toBeUndefined();
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'page/delete-everything' }],
    ['a type of the wrong case', { type: 'PAGE/GET-SUMMARY' }],
    ['a non-string type', { type: 1 }],
    ['an inherited property as type', { type: 'toString' }],
    ['the prototype as type', { type: '__proto__' }],
  ])('rejects a message with %s', (_, value) => {
    expect(parseMessage(value)).toBeUndefined();
  });

  it.each([
    ['a missing id', { type: 'page/reveal' }],
    ['a numeric id', { type: 'page/reveal', id: 42 }],
    ['an empty id', { type: 'page/reveal', id: '' }],
    ['an upper-case id', { type: 'page/reveal', id: 'Nvidia' }],
    ['an id with spaces', { type: 'page/reveal', id: 'trainium 2' }],
    ['an id with a leading dash', { type: 'page/reveal', id: '-tsmc' }],
    ['an id with a double dash', { type: 'page/reveal', id: 'trainium--2' }],
    ['an id with markup', { type: 'page/reveal', id: '<img src=x>' }],
    ['a very long id', { type: 'page/reveal', id: 'a'.repeat(10_000) }],
  ])('rejects a reveal message with %s', (_, value) => {
    expect(parseMessage(value)).toBeUndefined();
  });

  it.each([
    ['direction 2', 2],
    ['direction 0', 0],
    ['direction "1"', '1'],
    ['direction 1.5', 1.5],
    ['no direction', undefined],
  ])('rejects a step message with %s', (_, direction) => {
    expect(parseMessage({ type: 'page/step', direction })).toBeUndefined();
  });

  it.each([
    ['missing text', undefined],
    ['numeric text', 42],
    ['empty text', ''],
    ['blank text', '  \n\t '],
    ['extra-long text', 'x'.repeat(201)],
    ['an array of text', ['Trainium']],
  ])('rejects a look-up message with %s', (_, text) => {
    expect(parseMessage({ type: 'page/look-up', text })).toBeUndefined();
  });

  it.each([
    ['a negative count', { distinct: -1, active: true }],
    ['a fractional count', { distinct: 1.5, active: true }],
    ['a NaN count', { distinct: Number.NaN, active: true }],
    ['an infinite count', { distinct: Number.POSITIVE_INFINITY, active: true }],
    ['a string count', { distinct: '3', active: true }],
    ['a missing active flag', { distinct: 3 }],
    ['a string active flag', { distinct: 3, active: 'true' }],
  ])('rejects a summary-changed message with %s', (_, fields) => {
    expect(parseMessage({ type: 'tab/summary-changed', ...fields })).toBeUndefined();
  });
});

describe('the message table', () => {
  it('names a receiver and checks for every field of every message', () => {
    for (const type of TYPES) {
      const spec = MESSAGES[type];
      expect(['tab', 'background'], type).toContain(spec.to);
      for (const check of Object.values(spec.fields)) expect(typeof check, type).toBe('function');
    }
  });

  it.each(TYPES.filter((type) => Object.keys(MESSAGES[type].fields).length > 0))(
    'refuses %s without each of its fields',
    (type) => {
      for (const field of Object.keys(MESSAGES[type].fields)) {
        expect(parseMessage({ type, [field]: undefined }), field).toBeUndefined();
      }
    },
  );

  it('is documented: ARCHITECTURE.md lists every message, and only those', () => {
    const doc = readFileSync('docs/ARCHITECTURE.md', 'utf8');
    const listed = [...doc.matchAll(/^\| `([a-z-]+\/[a-z-]+)`/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...TYPES].sort());
  });
});

describe('isOwnSender', () => {
  const ownId = 'abcdefghijklmnopabcdefghijklmnop';

  it('accepts a sender with this extension id', () => {
    expect(isOwnSender({ id: ownId }, ownId)).toBe(true);
    expect(isOwnSender({ id: ownId, tab: { id: 3 }, url: 'https://example.com/' }, ownId)).toBe(
      true,
    );
  });

  it('rejects another extension, a sender without id and no sender', () => {
    expect(isOwnSender({ id: 'another-extension' }, ownId)).toBe(false);
    expect(isOwnSender({ url: 'https://example.com/', tab: { id: 3 } }, ownId)).toBe(false);
    expect(isOwnSender(undefined, ownId)).toBe(false);
  });

  it('rejects everything when the own id is unknown', () => {
    expect(isOwnSender({}, '')).toBe(false);
    expect(isOwnSender({ id: '' }, '')).toBe(false);
    expect(isOwnSender({}, undefined as unknown as string)).toBe(false);
  });
});
