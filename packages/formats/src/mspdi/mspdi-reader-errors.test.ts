/** Malformed input never crashes the reader: it throws a `FormatError` naming the element and value. */
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.ts';
import { readMspdi } from './mspdi-reader.ts';
import { mspdi, task } from './mspdi-test-support.ts';

function formatError(xml: string): FormatError {
  try {
    readMspdi(xml);
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

describe('readMspdi: documents that are not MSPDI', () => {
  it.each(['', '   \n\t', '\uFEFF'])('an empty file (%j)', (xml) => {
    const error = formatError(xml);
    expect(error).toMatchObject({ format: 'mspdi', path: 'document' });
    expect(error.message).toBe('document: the file is empty');
  });

  it.each([
    ['plain text', 'hello world'],
    ['JSON', '{"tasks": []}'],
    ['unclosed tags', '<Project><Tasks><Task></Tasks></Project>'],
    ['truncated', mspdi({ tasks: [task({ UID: 1 })] }).slice(0, 200)],
    ['binary', '\u0000\u0001PK\u0003\u0004'],
  ])('%s is not well-formed XML, with line and column', (_, xml) => {
    const error = formatError(xml);
    expect(error.format).toBe('mspdi');
    expect(error.message).toMatch(/^line \d+(, column \d+)?: not well-formed XML \(.+\)/);
    expect(error.path).toMatch(/^line \d+/);
  });

  it('a file cut between elements says where it ends and which elements are left open', () => {
    const xml = '<Project>\n  <Calendars>\n    <Calendar><UID>1</UID></Calendar>\n';
    const error = formatError(xml);
    expect(error.path).toBe('line 3, column 38');
    expect(error.message).toBe(
      'line 3, column 38: not well-formed XML (the file ends before <Project>, <Calendars> are closed: it looks cut short)',
    );
  });

  it('XML that is not a Project names its root element', () => {
    const error = formatError('<?xml version="1.0"?><html><body>Gantt</body></html>');
    expect(error).toMatchObject({ format: 'mspdi', path: 'document', value: 'html' });
    expect(error.message).toContain('the root element is <html>, expected <Project>');
  });

  it('a Project of another namespace reads, with a warning', () => {
    const xml = mspdi().replace('http://schemas.microsoft.com/project', 'urn:other');
    expect(readMspdi(xml).warnings).toContain(
      'Project/@xmlns: expected the MSPDI namespace http://schemas.microsoft.com/project (found "urn:other")',
    );
  });
});

describe('readMspdi: values it cannot read', () => {
  it.each([
    ['negative', 'PT-8H0M0S', 'a duration cannot be negative'],
    ['garbage', 'eight hours', 'expected an ISO-8601 duration such as PT8H0M0S'],
    ['years', 'P1Y', 'expected an ISO-8601 duration such as PT8H0M0S'],
  ])('a %s Duration', (_, value, message) => {
    const error = formatError(mspdi({ tasks: [task({ UID: 12, Name: 'A', Duration: value })] }));
    expect(error).toMatchObject({ path: 'Project/Tasks/Task[UID=12]/Duration', value });
    expect(error.message).toBe(
      `Project/Tasks/Task[UID=12]/Duration: ${message} (found ${JSON.stringify(value)})`,
    );
  });

  it('a link to a task that does not exist names both tasks', () => {
    const link = '<PredecessorLink><PredecessorUID>99</PredecessorUID><Type>1</Type></PredecessorLink>';
    const error = formatError(mspdi({ tasks: [task({ UID: 1 }), task({ UID: 2 }, link)] }));
    expect(error).toMatchObject({
      path: 'Project/Tasks/Task[UID=2]/PredecessorLink[1]/PredecessorUID',
      value: '99',
    });
    expect(error.message).toContain('task UID 2 links to predecessor UID 99, but no task has that UID');
  });

  it('a malformed date in a field the model uses is an error naming element and value', () => {
    // The same malformed value as mspditimephased.xml, but in a task's Start.
    const error = formatError(mspdi({ tasks: [task({ UID: 6, Start: '2008-12-04T17:-0:00' })] }));
    expect(error).toMatchObject({ path: 'Project/Tasks/Task[UID=6]/Start', value: '2008-12-04T17:-0:00' });
    expect(error.message).toBe(
      'Project/Tasks/Task[UID=6]/Start: expected a local date-time such as 2018-11-02T08:00:00 (found "2008-12-04T17:-0:00")',
    );
  });

  it('a malformed date in timephased data is only a warning: nothing read depends on it', () => {
    const timephased =
      '<TimephasedData><Type>1</Type><UID>3</UID><Start>2008-12-04T17:-0:00</Start><Finish>2008-12-05T08:00:00</Finish><Unit>2</Unit><Value>PT8H0M0S</Value></TimephasedData>';
    const body = `<Resources><Resource><UID>1</UID><Name>R</Name></Resource></Resources><Assignments><Assignment><UID>3</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID>${timephased}</Assignment></Assignments>`;
    const { project, warnings } = readMspdi(mspdi({ tasks: [task({ UID: 1 })], body }));
    expect(project.assignments).toHaveLength(1);
    expect(warnings).toEqual([
      'Project/Assignments/Assignment[UID=3]/TimephasedData[1]/Start: malformed date-time in timephased data (not imported): ignored (found "2008-12-04T17:-0:00")',
    ]);
  });

  it('reports every problem at once', () => {
    const xml = mspdi({
      header: { MinutesPerDay: -5 },
      tasks: [
        task({ UID: 1, Start: '2024-02-30T08:00:00', PercentComplete: 150 }),
        task({ UID: 1, ConstraintType: 9 }),
        task({ Name: 'no UID' }),
      ],
    });
    const error = formatError(xml);
    expect(error.issues).toEqual([
      { path: 'Project/MinutesPerDay', message: 'expected a positive number', value: '-5' },
      {
        path: 'Project/Tasks/Task[UID=1]/Start',
        message: 'expected a local date-time such as 2018-11-02T08:00:00',
        value: '2024-02-30T08:00:00',
      },
      {
        path: 'Project/Tasks/Task[UID=1]/PercentComplete',
        message: 'expected an integer in 0..100',
        value: '150',
      },
      { path: 'Project/Tasks/Task[UID=1]/UID', message: 'duplicate task UID', value: '1' },
      {
        path: 'Project/Tasks/Task[UID=1]/ConstraintType',
        message: 'expected an integer in 0..7',
        value: '9',
      },
      { path: 'Project/Tasks/Task[3]/UID', message: 'a task needs a UID' },
    ]);
    expect(error.message.split('\n')[0]).toBe('6 problems in the mspdi file:');
    expect(error.path).toBe('Project/MinutesPerDay');
  });

  it('a project without any start date', () => {
    const error = formatError(mspdi().replace(/<StartDate>.*<\/StartDate>/, ''));
    expect(error.message).toBe('Project/StartDate: the project has no start date');
  });
});

describe('readMspdi: damaged documents', () => {
  const link =
    '<PredecessorLink><PredecessorUID>1</PredecessorUID><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>';
  const valid = mspdi({
    tasks: [
      task({ UID: 0, Name: 'Summary', OutlineLevel: 0 }),
      task({
        UID: 1,
        Name: 'A',
        OutlineLevel: 1,
        Start: '2024-01-01T08:00:00',
        ConstraintType: 4,
        ConstraintDate: '2024-01-02T08:00:00',
      }),
      task({ UID: 2, Name: 'B', OutlineLevel: 2, DurationFormat: 39 }, link),
    ],
    body:
      '<Resources><Resource><UID>1</UID><Name>R</Name><MaxUnits>1</MaxUnits></Resource></Resources>' +
      '<Assignments><Assignment><UID>1</UID><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units></Assignment></Assignments>',
  });

  it('read or rejected with a FormatError, never another error, whatever is cut or changed', () => {
    let rejected = 0;
    const mutations: string[] = [];
    for (let i = 0; i < valid.length; i += 7) {
      mutations.push(valid.slice(0, i)); // truncated
      mutations.push(valid.slice(0, i) + valid.slice(i + 5)); // five characters lost
      mutations.push(valid.slice(0, i) + 'x' + valid.slice(i)); // one character added
      mutations.push(valid.slice(0, i) + '-' + valid.slice(i + 1)); // one character replaced
    }
    for (const xml of mutations) {
      try {
        readMspdi(xml);
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
        rejected++;
      }
    }
    expect(rejected).toBeGreaterThan(mutations.length / 4);
  });

  it('read or rejected with a FormatError, whatever value any element holds', () => {
    const values = [
      '',
      ' ',
      'x',
      '-1',
      '0',
      '1.5',
      '1e400',
      '99999999999999999999',
      '-65535',
      'PT-1H',
      '24:00:00',
    ];
    const texts = [...valid.matchAll(/>([^<>]+)</g)];
    expect(texts.length).toBeGreaterThan(30);
    for (const match of texts) {
      const at = (match.index ?? 0) + 1;
      for (const value of values) {
        const xml = valid.slice(0, at) + value + valid.slice(at + (match[1]?.length ?? 0));
        try {
          readMspdi(xml);
        } catch (error) {
          expect(error).toBeInstanceOf(FormatError);
        }
      }
    }
  });
});
