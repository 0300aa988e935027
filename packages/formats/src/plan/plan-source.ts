/**
 * Plan file text → plain data, with syntax errors reported by line and column, and a way back from a
 * data path (`tasks[3].duration`) to the line it is on, for the messages of later checks.
 */
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import { FormatError, type FormatIssue } from '../format-error.ts';
import type { PathSegment } from './plan-issues.ts';

export type PlanFormat = 'yaml' | 'json';

export interface PlanSource {
  data: unknown;
  /** Where the value at `path` (or its nearest ancestor present in the file) is: 1-based line, offset. */
  positionOf(path: readonly PathSegment[]): { line: number; offset: number } | undefined;
}

export function parsePlanSource(input: string, format: PlanFormat): PlanSource {
  const text = input.replace(/^\uFEFF/, '');
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw jsonSyntaxError(text);
    }
    let located: PlanSource['positionOf'] | undefined;
    // JSON is YAML: its parser knows where each value is. Only needed when there is something to report.
    return { data, positionOf: (path) => (located ??= locator(yamlDocument(text)))(path) };
  }
  const { doc, lines } = yamlDocument(text);
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e): FormatIssue => {
      const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
      const what = e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? e.message;
      return {
        path: `line ${pos.line}`,
        message: `YAML syntax error at line ${pos.line}, column ${pos.col}: ${what}`,
        value: lineText(text, pos.line),
      };
    });
    throw syntaxError(issues);
  }
  return { data: doc.toJS({ maxAliasCount: 1000 }), positionOf: locator({ doc, lines }) };
}

function yamlDocument(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  return { doc, lines };
}

function locator({ doc, lines }: { doc: Document; lines: LineCounter }): PlanSource['positionOf'] {
  return (path) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range)
        return { line: lines.linePos(node.range[0]).line, offset: node.range[0] };
    }
    return undefined;
  };
}

const lineText = (text: string, line: number) => text.split(/\r?\n/)[line - 1] ?? '';

function syntaxError(issues: FormatIssue[]): FormatError {
  const [first] = issues;
  const message = issues.length === 1 ? (first?.message ?? '') : issues.map((i) => i.message).join('\n');
  return new FormatError({ format: 'plan', path: first?.path ?? '', value: first?.value, message, issues });
}

function jsonSyntaxError(text: string): FormatError {
  const at = jsonErrorOffset(text);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const what = at >= text.length ? 'unexpected end of the file' : `unexpected ${JSON.stringify(text[at])}`;
  return syntaxError([
    {
      path: `line ${line}`,
      message: `JSON syntax error at line ${line}, column ${column}: ${what}`,
      value: lineText(text, line),
    },
  ]);
}

/** Offset of the first character at which `text` stops being JSON (a small recursive-descent scan). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  class Stop {}
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const expect = (c: string) => {
    if (text[i] !== c) throw new Stop();
    i++;
  };
  const literal = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;
  const string = () => {
    expect('"');
    while (i < text.length) {
      const c = text[i] ?? '';
      if (c === '"') return void i++;
      if (c < ' ') throw new Stop();
      i += c === '\\' ? 2 : 1;
    }
    throw new Stop();
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '"') return string();
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          expect(':');
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else return expect(close);
      }
    }
    literal.lastIndex = i;
    if (!literal.test(text)) throw new Stop();
    i = literal.lastIndex;
  };
  try {
    value();
    ws();
    if (i < text.length) throw new Stop();
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  return i;
}
