// The schema's building blocks: a number in a range, a text, an id, a list, an object, each with
// its plain-words expectation registered (words.ts) and its description for the JSON Schema.

import * as v from 'valibot';
import { ID_PATTERN, LIMITS } from './limits';
import {
  describeValue,
  expecting,
  objectMessage,
  quoteList,
  register,
  type Message,
} from './words';

export function num(min: number, max: number, description: string) {
  const expected = `a number between ${min} and ${max}`;
  const message = expecting(expected);
  return register(
    v.pipe(
      v.number(message),
      v.minValue(min, message),
      v.maxValue(max, message),
      v.description(description),
    ),
    expected,
  );
}

export function whole(min: number, max: number, description: string) {
  const expected = `a whole number from ${min} to ${max}`;
  const message = expecting(expected);
  return register(
    v.pipe(
      v.number(message),
      v.integer(message),
      v.minValue(min, message),
      v.maxValue(max, message),
      v.description(description),
    ),
    expected,
  );
}

export function share(description: string) {
  return num(0, 1, description);
}

export function text(maxLength: number, description: string) {
  const expected = `text of 1 to ${maxLength} characters`;
  const message = expecting(expected);
  return register(
    v.pipe(
      v.string(message),
      v.regex(/\S/, message),
      v.maxLength(maxLength, message),
      v.description(description),
    ),
    expected,
  );
}

export function id(description: string) {
  const expected = `an id of lowercase letters, digits and single hyphens (like "meridian-labs")`;
  const message = expecting(expected);
  return register(
    v.pipe(
      v.string(message),
      v.regex(ID_PATTERN, message),
      v.maxLength(LIMITS.idLength, message),
      v.description(description),
    ),
    expected,
  );
}

export function url(description: string) {
  const expected = 'a web address starting with https:// or http://';
  const message = expecting(expected);
  return register(
    v.pipe(
      v.string(message),
      v.regex(/^https?:\/\/\S+$/, message),
      v.url(message),
      v.maxLength(LIMITS.lineText, message),
      v.description(description),
    ),
    expected,
  );
}

export function pick<const T extends readonly (string | number)[]>(
  options: T,
  what: string,
  description: string,
) {
  const expected = `${what}: ${quoteList(options)}`;
  const message = expecting(expected);
  return register(v.pipe(v.picklist(options, message), v.description(description)), expected);
}

export function bool(description: string) {
  const expected = 'true or false';
  return register(v.pipe(v.boolean(expecting(expected)), v.description(description)), expected);
}

export function obj<const E extends v.ObjectEntries>(
  entries: E,
  label: string,
  description: string,
) {
  return register(
    v.pipe(v.strictObject(entries, objectMessage(label, entries)), v.description(description)),
    label,
  );
}

export function list<const T extends v.BaseSchema<unknown, unknown, v.BaseIssue<unknown>>>(
  item: T,
  noun: string,
  min: number,
  max: number,
  description: string,
) {
  const expected =
    min > 0 ? `a list of ${min} to ${max} ${noun}` : `a list of at most ${max} ${noun}`;
  const message: Message = (issue) => {
    if (Array.isArray(issue.input)) return `expected ${expected}, got ${issue.input.length}`;
    return `expected ${expected}, got ${describeValue(issue.input)}`;
  };
  return register(
    v.pipe(
      v.array(item, message),
      v.minLength(min, message),
      v.maxLength(max, message),
      v.description(description),
    ),
    expected,
  );
}
