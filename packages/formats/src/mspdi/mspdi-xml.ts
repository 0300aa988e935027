/**
 * Parsing an MSPDI document into plain objects (fast-xml-parser), and the three ways the readers look
 * into them: `child`, `children` and `text`. Every value stays a string; elements that may repeat are
 * always arrays. Anything that is not a well-formed `<Project>` document throws `FormatError`.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FormatError } from '../format-error.ts';

/** An element: child elements by name (repeating ones as arrays), text as `#text` when mixed. */
export interface XmlObject {
  [name: string]: XmlValue | undefined;
}
export type XmlValue = string | XmlObject | XmlValue[];

export const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project';

/** Elements that may occur more than once under one parent, anywhere in the document. */
const REPEATING = new Set([
  'Calendar',
  'WeekDay',
  'WorkingTime',
  'Exception',
  'WorkWeek',
  'Task',
  'PredecessorLink',
  'Baseline',
  'ExtendedAttribute',
  'OutlineCode',
  'TimephasedData',
  'Resource',
  'Assignment',
]);

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  // Names and notes keep their spaces; numbers and dates are trimmed where they are read.
  trimValues: false,
  // Decodes numeric character references (&#13;) as well as XML's five entities; the HTML names it
  // adds cannot occur in a well-formed MSPDI file, which has no DTD.
  htmlEntities: true,
  isArray: (name: string) => REPEATING.has(name),
});

export interface MspdiDocument {
  project: XmlObject;
  /** The `xmlns` of the root element, when declared. */
  namespace?: string;
}

/**
 * Parses `xml` and returns its `<Project>` root. Throws `FormatError` for an empty input, XML that is
 * not well-formed (naming line and column), or a root element other than `Project`.
 */
export function parseMspdiXml(xml: string): MspdiDocument {
  const text = xml.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new FormatError({ format: 'mspdi', path: 'document', message: 'document: the file is empty' });
  }
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { line, col, msg } = unclosedAtEnd(text, validation.err) ?? validation.err;
    const path = col === undefined ? `line ${line}` : `line ${line}, column ${col}`;
    const message = `${path}: not well-formed XML (${msg})`;
    throw new FormatError({ format: 'mspdi', path, value: excerpt(text, line), message });
  }
  let parsed: XmlObject;
  try {
    parsed = parser.parse(text) as XmlObject;
  } catch (error) {
    // The validator lets through a few things the parser refuses (an unclosed `<?xml ...`).
    const message = `document: not well-formed XML (${error instanceof Error ? error.message : String(error)})`;
    throw new FormatError({ format: 'mspdi', path: 'document', message });
  }
  const rootName = Object.keys(parsed).find((name) => !name.startsWith('?') && name !== '#text');
  const root = rootName === undefined ? undefined : parsed[rootName];
  if (rootName !== 'Project' || root === undefined || Array.isArray(root)) {
    const message = `document: the root element is <${rootName ?? ''}>, expected <Project> (MS Project XML, ${MSPDI_NAMESPACE})`;
    throw new FormatError({ format: 'mspdi', path: 'document', value: rootName ?? '', message });
  }
  const namespace = /<(?:[\w.-]+:)?Project\b[^>]*?\sxmlns(?::[\w.-]+)?\s*=\s*(["'])(.*?)\1/.exec(text)?.[2];
  return { project: typeof root === 'string' ? {} : root, ...(namespace !== undefined ? { namespace } : {}) };
}

/**
 * The validator reports elements still open at the end of the text as `Invalid '["Project",…]'
 * found` at line 1, column 1; say instead that the file ends there with them open (cut short).
 */
function unclosedAtEnd(
  text: string,
  err: { code: string; msg: string },
): { line: number; col: number; msg: string } | undefined {
  const open = err.code === 'InvalidXml' ? /^Invalid '(\[[\s\S]*\])' found\.$/.exec(err.msg)?.[1] : undefined;
  if (open === undefined) return undefined;
  let names: unknown;
  try {
    names = JSON.parse(open);
  } catch {
    return undefined;
  }
  if (!Array.isArray(names) || names.length === 0) return undefined;
  const lines = text.trimEnd().split(/\r\n|\r|\n/);
  return {
    line: lines.length,
    col: (lines.at(-1) ?? '').length + 1,
    msg: `the file ends before ${names.map((n) => `<${String(n)}>`).join(', ')} ${names.length === 1 ? 'is' : 'are'} closed: it looks cut short`,
  };
}

/** The single child element `name` (the first one if it repeats); `undefined` when absent or text-only. */
export function child(node: XmlObject, name: string): XmlObject | undefined {
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first !== undefined && typeof first === 'object' && !Array.isArray(first) ? first : undefined;
}

/** Every child element `name`, in document order. Empty elements (`<Task/>`) count as empty objects. */
export function children(node: XmlObject, name: string): XmlObject[] {
  const value = node[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'object' && !Array.isArray(item) ? item : {}));
}

/** The text of child element `name`, untrimmed; `undefined` when absent or when it has child elements. */
export function text(node: XmlObject, name: string): string | undefined {
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (first !== undefined && typeof first === 'object' && !Array.isArray(first)) {
    const inner = first['#text'];
    const hasElements = Object.keys(first).some((key) => key !== '#text');
    if (!hasElements) return typeof inner === 'string' ? inner : '';
  }
  return undefined;
}

function excerpt(text: string, line: number): string {
  return (text.split(/\r?\n/)[line - 1] ?? '').trim().slice(0, 120);
}
