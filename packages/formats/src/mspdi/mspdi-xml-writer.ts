/**
 * Building and serialising MSPDI elements. `sequence` puts an element's fields in schema order (and
 * refuses a field the order does not know, which would make MS Project reject the file); `serialize`
 * escapes text and drops characters XML 1.0 cannot carry.
 */

export interface XmlElement {
  name: string;
  /** Text, or child elements in order. */
  content: string | XmlElement[];
}

/** A field: text (numbers and booleans as MSPDI writes them), a child element, or repeated elements. */
export type Field = string | number | boolean | XmlElement | readonly XmlElement[] | undefined;

/**
 * Element `name` with `fields` as children in `order`; `undefined` fields are left out.
 *
 * @example
 * sequence('WorkingTime', ['FromTime', 'ToTime'], { ToTime: '12:00:00', FromTime: '08:00:00' });
 * // <WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>
 */
export function sequence(name: string, order: readonly string[], fields: Record<string, Field>): XmlElement {
  for (const key of Object.keys(fields)) {
    if (!order.includes(key))
      throw new Error(`MSPDI writer: <${key}> is not in the schema order of <${name}>`);
  }
  const children: XmlElement[] = [];
  for (const key of order) {
    const value = fields[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) children.push(...(value as readonly XmlElement[]));
    else if (typeof value === 'object') children.push(value as XmlElement);
    else children.push({ name: key, content: scalar(value as string | number | boolean) });
  }
  return { name, content: children };
}

/** An element holding a list of children (`<Tasks>` with its `<Task>`s). */
export function list(name: string, items: readonly XmlElement[]): XmlElement {
  return { name, content: [...items] };
}

function scalar(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatNumber(value);
  return value;
}

/** Plain decimal notation, never an exponent; as precise as `String(n)`. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`MSPDI writer: cannot write the number ${n}`);
  if (Number.isInteger(n)) return BigInt(n).toString();
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  const fixed = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** The document: XML declaration, then `root` with `xmlns` and two-space indentation. */
export function serialize(root: XmlElement, namespace: string): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'];
  write(root, 0, lines, ` xmlns="${escapeText(namespace).replace(/"/g, '&quot;')}"`);
  return `${lines.join('\n')}\n`;
}

function write(element: XmlElement, depth: number, lines: string[], attributes = ''): void {
  const indent = '  '.repeat(depth);
  const { name, content } = element;
  if (typeof content === 'string') {
    lines.push(
      content === ''
        ? `${indent}<${name}${attributes}/>`
        : `${indent}<${name}${attributes}>${escapeText(content)}</${name}>`,
    );
    return;
  }
  if (content.length === 0) {
    lines.push(`${indent}<${name}${attributes}/>`);
    return;
  }
  lines.push(`${indent}<${name}${attributes}>`);
  for (const child of content) write(child, depth + 1, lines);
  lines.push(`${indent}</${name}>`);
}

// Characters XML 1.0 does not allow at all (controls other than tab, newline and carriage return;
// lone surrogates; U+FFFE and U+FFFF).
/* eslint-disable no-control-regex -- finding control characters is the point */
const INVALID_XML_CHARS =
  /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */

/** Escapes `&`, `<` and `>`, keeps carriage returns as `&#13;` (parsers turn raw ones into newlines). */
export function escapeText(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}
