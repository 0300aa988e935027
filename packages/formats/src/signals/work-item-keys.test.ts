import { describe, expect, it } from 'vitest';
import { extractWorkItemKeys } from './work-item-keys.ts';

describe('extractWorkItemKeys', () => {
  it.each([
    [['feature/BANK-42-login'], {}, ['BANK-42']],
    [['BANK-42: fix BANK-7 and BANK-42 again'], {}, ['BANK-42', 'BANK-7']],
    [['feature/bank-42-login'], { prefixes: ['BANK'] }, ['BANK-42']],
    // lower-case only with a known prefix: a release branch is not a key
    [['release-2', 'hotfix/utf-8'], {}, []],
    [['OTHER-1 BANK-2'], { prefixes: ['bank'] }, ['BANK-2']],
    [['feature/perf-test-tuning', 'Fix perf-test flakiness'], { knownKeys: ['perf-test'] }, ['perf-test']],
    [['superperf-test'], { knownKeys: ['perf-test'] }, []],
    [['Migration-Scripts: ledger map'], { knownKeys: ['migration-scripts'] }, ['migration-scripts']],
    [[null, undefined, ''], {}, []],
  ] as const)('%j %j → %j', (texts, options, expected) => {
    expect(extractWorkItemKeys(texts, options)).toEqual(expected);
  });

  it('keeps the order of the texts: branch first, then title', () => {
    expect(extractWorkItemKeys(['feature/CORE-9', 'CORE-1 and CORE-9'])).toEqual(['CORE-9', 'CORE-1']);
  });
});
