/**
 * `tandem evm FILE [--baseline NAME] [--status-date DATE] [--period day|week|month] [--json]`: earned
 * value and earned schedule of a plan against a baseline, as a table or as JSON.
 */
import { type EarnedValueResult, EvmError, PERIOD_UNITS, type PeriodUnit, earnedValue } from '@tandem/core';
import type { CliIo } from '../cli-io.ts';
import { loadPlan } from '../load-plan.ts';
import { statusDateOption } from '../option-values.ts';
import { UserError } from '../user-error.ts';

export interface EvmOptions {
  /** Baseline name: "Baseline" (default), "Baseline1".."Baseline10", or any name in the plan. */
  baseline?: string | undefined;
  /** Status date `YYYY-MM-DD` (the end of that working day) or `YYYY-MM-DDTHH:mm`; default the plan's. */
  statusDate?: string | undefined;
  /** Add the time-phased PV, EV and AC by day, week or month. */
  period?: string | undefined;
  json: boolean;
}

export async function evmCommand(file: string, options: EvmOptions, io: CliIo, cwd: string): Promise<void> {
  const period = parsePeriod(options.period);
  const plan = await loadPlan(file, cwd);
  for (const warning of plan.warnings) io.stderr.write(`tandem: warning: ${warning}\n`);
  const statusDate =
    options.statusDate !== undefined ? statusDateOption(options.statusDate, plan.project) : undefined;
  let result: EarnedValueResult;
  try {
    result = earnedValue(plan.project, {
      ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
      ...(statusDate !== undefined ? { statusDate } : {}),
      ...(period !== undefined ? { period } : {}),
    });
  } catch (error) {
    if (error instanceof EvmError)
      throw new UserError(`cannot measure earned value of ${file}: ${hint(error)}`);
    throw error;
  }
  if (options.json) {
    io.stdout.write(`${JSON.stringify({ project: plan.project.name, ...result }, null, 2)}\n`);
    return;
  }
  io.stdout.write(renderEvm(plan.project.name, result));
}

function parsePeriod(value: string | undefined): PeriodUnit | undefined {
  if (value === undefined) return undefined;
  const unit = PERIOD_UNITS.find((u) => u === value.trim().toLowerCase());
  if (!unit) throw new UserError(`invalid --period "${value}": expected day, week or month.`);
  return unit;
}

function hint(error: EvmError): string {
  if (error.code === 'NO_STATUS_DATE')
    return 'it has no status date. Pass one with --status-date YYYY-MM-DD (or set project.statusDate).';
  return error.message;
}

const money = (x: number | null) =>
  x === null ? '—' : x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const index = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const days = (x: number | null) => (x === null ? '—' : x.toFixed(2));
const when = (t: string | null) => (t === null ? '—' : t.slice(0, 16).replace('T', ' '));

/** The result as text: the measures, the indices and forecasts, earned schedule, tasks, and the series. */
export function renderEvm(projectName: string, r: EarnedValueResult): string {
  const i = r.indicators;
  const currency = r.currencyCode ? ` (${r.currencyCode})` : '';
  const out: string[] = [
    `Earned value of ${projectName} against ${r.baseline.displayName}, status date ${when(r.statusDate)}${currency}`,
    '',
    ...table(
      ['', '', ''],
      [
        ['Budget at completion', 'BAC', money(i.bac)],
        ['Planned value', 'PV (BCWS)', money(i.pv)],
        ['Earned value', 'EV (BCWP)', money(i.ev)],
        ['Actual cost', 'AC (ACWP)', money(i.ac)],
        ['Schedule variance', 'SV = EV − PV', money(i.sv)],
        ['Cost variance', 'CV = EV − AC', money(i.cv)],
        ['Schedule performance', 'SPI = EV / PV', index(i.spi)],
        ['Cost performance', 'CPI = EV / AC', index(i.cpi)],
        ['To-complete performance', 'TCPI to BAC', index(i.tcpi.bac)],
        ['', 'TCPI to EAC', index(i.tcpi.eac)],
      ],
      [2],
    ),
    '',
    ...table(
      ['Estimate at completion', 'EAC', 'ETC', 'VAC'],
      [
        ['BAC / CPI', money(i.eac.cpi), money(i.etc.cpi), money(i.vac.cpi)],
        ['AC + (BAC − EV) / (CPI × SPI)', money(i.eac.cpiSpi), money(i.etc.cpiSpi), money(i.vac.cpiSpi)],
        [
          'AC + BAC − EV (budget rate)',
          money(i.eac.budgetRate),
          money(i.etc.budgetRate),
          money(i.vac.budgetRate),
        ],
      ],
      [1, 2, 3],
    ),
  ];
  const es = r.earnedSchedule;
  if (es) {
    out.push(
      '',
      'Earned schedule (working days)',
      `  ES ${days(es.es)} at AT ${days(es.at)} of PD ${days(es.pd)}: SV(t) ${days(es.svT)}, SPI(t) ${index(es.spiT)}`,
      `  Work done was planned to be done by ${when(es.earnedDate)}`,
      `  IEAC(t) ${days(es.ieacT)}: forecast finish ${when(es.forecastFinish)} (baseline finish ${when(es.plannedFinish)})`,
    );
  }
  out.push(
    '',
    ...table(
      ['ID', 'Task', '%', 'BAC', 'PV', 'EV', 'AC', 'SPI', 'CPI'],
      r.tasks.map((t) => [
        t.id,
        t.name.length > 40 ? `${t.name.slice(0, 39)}…` : t.name,
        String(Math.round(t.percentComplete)),
        money(t.bac),
        money(t.pv),
        money(t.ev),
        money(t.ac),
        index(t.spi),
        index(t.cpi),
      ]),
      [2, 3, 4, 5, 6, 7, 8],
    ),
  );
  if (r.series) {
    out.push(
      '',
      `Cumulative by ${r.series.unit}`,
      ...table(
        ['#', 'From', 'To', 'PV', 'EV', 'AC'],
        r.series.points.map((p) => [String(p.index), p.start, p.end, money(p.pv), money(p.ev), money(p.ac)]),
        [0, 3, 4, 5],
      ),
    );
  }
  if (r.warnings.length > 0) out.push('', 'Warnings', ...r.warnings.map((w) => `  ${w}`));
  return `${out.join('\n')}\n`;
}

/** Aligned columns, two spaces apart; `right` lists the right-aligned columns. */
function table(header: string[], rows: string[][], right: number[]): string[] {
  const all = header.some((h) => h !== '') ? [header, ...rows] : rows;
  const widths = header.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  return all.map((r) =>
    r
      .map((cell, c) => (right.includes(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}
