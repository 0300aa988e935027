import { describe, expect, it } from 'vitest';
import { parseMspdiXml, text } from './mspdi-xml.ts';
import { escapeText, formatNumber, list, sequence, serialize } from './mspdi-xml-writer.ts';
import { assignUids } from './mspdi-uids.ts';

describe('sequence', () => {
  it('puts fields in schema order and leaves undefined ones out', () => {
    const element = sequence('WorkingTime', ['FromTime', 'ToTime'], {
      ToTime: '12:00:00',
      FromTime: undefined,
    });
    expect(element).toEqual({ name: 'WorkingTime', content: [{ name: 'ToTime', content: '12:00:00' }] });
  });

  it('refuses a field the schema order does not know', () => {
    expect(() => sequence('Task', ['UID'], { Colour: 'red' })).toThrow(
      /<Colour> is not in the schema order of <Task>/,
    );
  });

  it('writes booleans as 1/0 and numbers without exponents', () => {
    const element = sequence('X', ['A', 'B', 'C'], { A: true, B: false, C: 1e-7 });
    expect(element.content).toEqual([
      { name: 'A', content: '1' },
      { name: 'B', content: '0' },
      { name: 'C', content: '0.0000001' },
    ]);
  });
});

describe('serialize', () => {
  it('escapes markup, keeps carriage returns and drops characters XML cannot carry', () => {
    const name = 'R&D <phase 1> "a" \'b\'\r\nline\u0001 tab\t end';
    const xml = serialize(list('Project', [{ name: 'Name', content: name }]), 'urn:x');
    expect(xml).toContain('<Name>R&amp;D &lt;phase 1&gt; "a" \'b\'&#13;\nline tab\t end</Name>');
    const parsed = parseMspdiXml(xml.replace('urn:x', 'http://schemas.microsoft.com/project'));
    expect(text(parsed.project, 'Name')).toBe('R&D <phase 1> "a" \'b\'\r\nline tab\t end');
  });

  it('keeps astral characters and drops lone surrogates', () => {
    expect(escapeText('a😀b\uD800c')).toBe('a😀bc');
  });

  it('writes empty elements as self-closing', () => {
    expect(serialize(list('Project', [list('Tasks', [])]), 'urn:x')).toContain('<Tasks/>');
  });
});

describe('formatNumber', () => {
  it.each([
    [20, '20'],
    [21.726166666666668, '21.726166666666668'],
    [0.5, '0.5'],
    [-3, '-3'],
    [1e21, '1000000000000000000000'],
  ])('%d → %s', (n, s) => {
    expect(formatNumber(n)).toBe(s);
  });

  it('refuses NaN and infinities', () => {
    expect(() => formatNumber(NaN)).toThrow(RangeError);
  });
});

describe('assignUids', () => {
  it('keeps distinct integer ids and numbers the rest above them', () => {
    expect(assignUids(['4', 'design', '4', undefined, '0'], 1)).toEqual([4, 5, 6, 7, 8]);
    expect(assignUids(['0', '2', '1'], 0)).toEqual([0, 2, 1]);
    expect(assignUids(['std', 'night'], 0)).toEqual([1, 2]);
  });
});
