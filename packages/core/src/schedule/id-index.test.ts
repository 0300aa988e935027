import { describe, expect, it } from 'vitest';
import { IdIndex } from './id-index.ts';

describe('IdIndex', () => {
  it.each([
    ['numbers in any order', ['9', '2', '0', '17']],
    ['names', ['design', 'build', 'Ω']],
    ['non-canonical numbers stay names', ['007', '7', '-1', '1e3', '123456789', '']],
  ])('finds %s and rejects duplicates', (_, ids) => {
    const index = new IdIndex();
    ids.forEach((id, i) => expect(index.add(id, i)).toBe(true));
    ids.forEach((id, i) => expect(index.get(id)).toBe(i));
    ids.forEach((id) => expect(index.add(id, 99)).toBe(false));
    expect(index.get('missing')).toBeUndefined();
    expect(index.get('3')).toBeUndefined();
  });
});
