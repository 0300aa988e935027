/**
 * Test support for the MSPDI tests (not shipped code): tiny inline documents, the reference files in
 * `../shared/data` (which tests skip when absent), and a checker for schema element order.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { SCHEMA_ORDER } from './mspdi-schema-order.ts';

/** `../shared/data/` next to the repository root. */
export const DATA_DIR = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
export const HAS_DATA = existsSync(`${DATA_DIR}mspdi`);
/** Appended to the titles of suites that need the reference data. */
export const DATA_NOTE = HAS_DATA ? '' : ` (SKIPPED: reference data not found at ${DATA_DIR})`;

/** The MSPDI reference files: every `mspdi/*.xml` and TaskJuggler's export. */
export function referenceFiles(): string[] {
  if (!HAS_DATA) return [];
  const mspdi = readdirSync(`${DATA_DIR}mspdi`)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => `mspdi/${f}`);
  return [...mspdi, 'taskjuggler/tutorial-mspdi.xml'];
}

export function readReference(file: string): string {
  return readFileSync(`${DATA_DIR}${file}`, 'utf8');
}

/** Elements from an object: `{ UID: 1, Name: 'A' }` → `<UID>1</UID><Name>A</Name>`. */
export function fields(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join('');
}

/** A `<Task>` with `values` (a one-day Duration unless given) and extra inner XML (links, baselines). */
export function task(values: Record<string, string | number>, inner = ''): string {
  return `<Task>${fields({ Duration: 'PT8H0M0S', ...values })}${inner}</Task>`;
}

/** A small valid document: a Standard calendar (UID 1), the given tasks and whatever else `body` has. */
export function mspdi(
  options: { header?: Record<string, string | number>; tasks?: string[]; body?: string } = {},
): string {
  const header = fields({
    Name: 'Fixture',
    StartDate: '2024-01-01T08:00:00',
    CalendarUID: 1,
    ...options.header,
  });
  const calendars =
    '<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar></Calendar></Calendars>';
  const tasks = options.tasks ? `<Tasks>${options.tasks.join('')}</Tasks>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Project xmlns="http://schemas.microsoft.com/project">${header}${calendars}${tasks}${options.body ?? ''}</Project>`;
}

type OrderedNode = Record<string, OrderedNode[] | string>;

/**
 * Where `xml` puts child elements out of the schema order (`SCHEMA_ORDER`), as `Parent: A before B`
 * messages. Names not in a sequence are ignored, as are `ignore`d ones (known deviations).
 */
export function orderViolations(
  xml: string,
  ignore: Readonly<Record<string, readonly string[]>> = {},
): string[] {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, removeNSPrefix: true });
  const violations = new Set<string>();
  const walk = (nodes: OrderedNode[]) => {
    for (const node of nodes) {
      const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
      const kids = name === undefined ? undefined : node[name];
      if (name === undefined || !Array.isArray(kids)) continue;
      const order = SCHEMA_ORDER[name];
      if (order) {
        const skip = ignore[name] ?? [];
        const names = kids
          .map((k) => Object.keys(k).find((key) => key !== ':@' && key !== '#text'))
          .filter((n): n is string => n !== undefined && order.includes(n) && !skip.includes(n));
        for (let i = 1; i < names.length; i++) {
          const [before, after] = [names[i - 1] as string, names[i] as string];
          if (order.indexOf(before) > order.indexOf(after))
            violations.add(`${name}: ${before} before ${after}`);
        }
      }
      walk(kids);
    }
  };
  walk(parser.parse(xml) as OrderedNode[]);
  return [...violations];
}

/** Child element names of every `name` element in `xml`, for checking what a writer left out. */
export function childNames(xml: string, name: string): string[][] {
  const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: true, removeNSPrefix: true });
  const found: string[][] = [];
  const walk = (nodes: OrderedNode[]) => {
    for (const node of nodes) {
      const key = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
      const kids = key === undefined ? undefined : node[key];
      if (key === undefined || !Array.isArray(kids)) continue;
      if (key === name) found.push(kids.map((k) => Object.keys(k).find((n) => n !== ':@') ?? ''));
      walk(kids);
    }
  };
  walk(parser.parse(xml) as OrderedNode[]);
  return found;
}
