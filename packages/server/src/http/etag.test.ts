import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.ts';
import { etagOf, expectedVersion, parseIfMatch } from './etag.ts';

describe('If-Match', () => {
  it.each([
    ['"7"', [7]],
    ['"7", "8"', [7, 8]],
    ['*', 'any'],
    ['W/"7"', []],
  ] as const)('%s parses', (header, expected) => {
    expect(parseIfMatch(header)).toEqual(expected);
  });

  it.each([
    [undefined, 428],
    ['', 428],
    ['7', 400],
    ['"x"', 400],
  ] as const)('%s is refused with %i', (header, status) => {
    expect(() => parseIfMatch(header)).toThrow(ApiError);
    try {
      parseIfMatch(header);
    } catch (error) {
      expect((error as ApiError).status).toBe(status);
    }
  });

  it('writes against the named version, or the current one when any or a listed one matches', async () => {
    const current = async () => 8;
    expect(await expectedVersion([7], current)).toBe(7);
    expect(await expectedVersion('any', current)).toBe(8);
    expect(await expectedVersion([7, 8], current)).toBe(8);
    expect(await expectedVersion([], current)).toBe(-1);
    expect(etagOf(8)).toBe('"8"');
  });
});
