/**
 * One storage representation for both engines, converted here so repositories never think about it:
 *
 * - writes: a plain object or array bound as a value becomes JSON text; `true`/`false` become 1/0
 *   (better-sqlite3 cannot bind booleans, and our boolean columns are integers on PostgreSQL too);
 * - reads: columns named in `JSON_COLUMNS` are parsed, columns in `BOOLEAN_COLUMNS` become booleans.
 *
 * JSON stays text on PostgreSQL as well (not jsonb): the pg driver would hand jsonb back already
 * parsed while SQLite hands back text, and one representation keeps backups byte-identical across
 * engines. A column name means the same type in every table (checked by the schema test).
 */
import {
  type KyselyPlugin,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from 'kysely';

export const JSON_COLUMNS: ReadonlySet<string> = new Set([
  'settings',
  'objectives',
  'units',
  'correlations',
  'week',
  'exceptions',
  'work_weeks',
  'estimate',
  'labels',
  'extra',
  'skills',
  'snapshot',
  'linked_work_item_ids',
  'schedule_impact',
  'cost_impact',
  'options',
  'affected_work_item_ids',
  'approvals',
  'communication',
  'satisfaction',
  'acceptance_criteria',
  'links',
  'cutover_checklist',
  'work_item_ids',
  'before',
  'after',
  'response',
  // 0004 engineering signals
  'headers',
  'parsed',
  'root_causes',
  // 0003 import jobs
  'import_result',
  'import_errors',
  'import_warnings',
  // 0005 governance
  'change_set',
  'impact_analysis',
  'probability_levels',
  'impact_levels',
  'rating_thresholds',
  'log_details',
  'comparison',
  'checklist',
  'gate_criteria',
  // 0006 communication and meetings
  'attendees',
  'agenda',
  'decisions',
  'staffing_profile',
]);

export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set([
  'disabled',
  'milestone',
  'elapsed',
  'duration_estimated',
  'ignore_resource_calendar',
  'inactive',
  'lag_elapsed',
  'rebaseline',
  // 0004 engineering signals
  'active',
]);

function encode(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') {
    if (Array.isArray(value)) return JSON.stringify(value);
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto === Object.prototype || proto === null) return JSON.stringify(value);
  }
  return value;
}

class ValueEncoder extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    const value = encode(node.value);
    return value === node.value ? node : { ...node, value };
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map(encode) };
  }
}

export function decodeRow(row: UnknownRow): UnknownRow {
  for (const key in row) {
    const value = row[key];
    if (typeof value === 'string' && JSON_COLUMNS.has(key)) row[key] = JSON.parse(value) as unknown;
    else if (typeof value === 'number' && BOOLEAN_COLUMNS.has(key)) row[key] = value !== 0;
  }
  return row;
}

export class ValueCodecPlugin implements KyselyPlugin {
  readonly #encoder = new ValueEncoder();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#encoder.transformNode(args.node, args.queryId);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    args.result.rows.forEach(decodeRow);
    return args.result;
  }
}
