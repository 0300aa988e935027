import { describe, expect, it } from 'vitest';
import { ApiError, ConflictError, describeError } from './errors.ts';
import { withQuery } from './http.ts';

describe('API errors', () => {
  it('carries the problem: status, code, field errors', () => {
    const e = new ApiError(422, {
      title: 'Invalid input',
      code: 'validation',
      errors: [{ path: 'name', message: 'Required' }],
    });
    expect([e.status, e.code, e.fieldMessage('name'), e.fieldMessage('x')]).toEqual([
      422,
      'validation',
      'Required',
      undefined,
    ]);
    expect(describeError(e)).toBe('name: Required');
  });

  it('turns a 412 into a ConflictError with the current row', () => {
    const e = new ConflictError({
      title: 'Conflict',
      currentVersion: 7,
      current: { id: 'a', version: 7, name: 'Theirs' },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect([e.status, e.currentVersion, (e.current as { name: string }).name]).toEqual([412, 7, 'Theirs']);
  });

  it.each([
    [new ApiError(429, { title: 'Too many' }, 42), 'Too many attempts. Try again in 42 s.'],
    [
      new ApiError(0, { title: 'Network error' }),
      'Cannot reach the Tandem server. Check your connection and try again.',
    ],
    [new ApiError(404, { title: 'Not found', detail: 'No project x.' }), 'No project x.'],
    [new Error('boom'), 'boom'],
  ])('describes %s', (error, text) => {
    expect(describeError(error)).toBe(text);
  });
});

describe('withQuery', () => {
  it('adds defined parameters, null as the literal null', () => {
    expect(withQuery('/api/x', { status: 'todo', parentId: null, cursor: undefined, limit: 500 })).toBe(
      '/api/x?status=todo&parentId=null&limit=500',
    );
    expect(withQuery('/api/x?a=1', { b: true })).toBe('/api/x?a=1&b=true');
    expect(withQuery('/api/x', {})).toBe('/api/x');
  });
});
