/**
 * Earned value of whole plans, checked against Microsoft Project's own worked examples (its field
 * reference and its earned value article), quoted below with their sources, to the cent.
 */
import { describe, expect, it } from 'vitest';
import { EvmError } from './evm-error.ts';
import type { Project } from '../../model/project.ts';
import { type EarnedValueOptions, earnedValue } from './earned-value.ts';
import { evmProject, evmTask } from './evm-fixtures.ts';

const MON = '2026-03-02T08:00:00';
const TUE_EVENING = '2026-03-03T17:00:00';
const WED_EVENING = '2026-03-04T17:00:00';
const THU_EVENING = '2026-03-05T17:00:00';

/** "You have a four-day task … its total planned budget is $100", Monday to Thursday. */
function fourDayTask(percent: number, actualCost?: number) {
  return evmProject({
    tasks: [
      evmTask('t', 4, {
        progress: { percentComplete: percent, actualStart: MON },
        ...(actualCost !== undefined ? { actualCost } : {}),
      }),
    ],
    baselines: [{ name: '0', tasks: { t: { start: MON, finish: THU_EVENING, cost: 100 } } }],
  });
}

describe('Microsoft Project worked examples', () => {
  it('SPI: a four-day $100 task, 60% done after two days', () => {
    // Source: Microsoft Support, "SPI fields" (Project),
    // https://support.microsoft.com/en-gb/office/spi-fields-d2f8cf9b-f7e6-4cdd-87d6-e5cbd27e0421 :
    // "You have a four-day task, and its total planned budget is $100. After two days, the budgeted
    // cost of work scheduled (BCWS) is $50. However, after two days of actual work, 60 percent of the
    // work has been completed, for a cost of $60. The SPI is 1.2, indicating that you're ahead of
    // schedule." (and, for the timephased field, "a four-day task scheduled for Monday through Thursday").
    const { indicators } = earnedValue(fourDayTask(60), { statusDate: TUE_EVENING });
    expect(indicators.bac).toBeCloseTo(100, 2);
    expect(indicators.pv).toBeCloseTo(50, 2);
    expect(indicators.ev).toBeCloseTo(60, 2);
    expect(indicators.spi).toBeCloseTo(1.2, 10);
  });

  it('BCWS to a Wednesday status date, ACWP of $35 a day, BCWP of 60%', () => {
    // Source: Microsoft Office Project 2003 help, "Applying earned value analysis to your project"
    // (https://www.scribd.com/document/159172852/Applying-Earned-Value-Analysis-to-Your-Project):
    // "the total planned budget for a 4-day task is $100 and it starts on a Monday. If the status date
    // is set to the following Wednesday, the BCWS is $75. … if the 4-day task actually incurs a total
    // cost of $35 during each of the first 2 days, the ACWP for this period is $70 (but the BCWS is
    // still $75). … if after 2 days 60% percent of the work on a task has been completed, you might
    // expect to have spent 60 percent of the total task budget, or $60."
    const { indicators } = earnedValue(fourDayTask(60, 35 + 35), { statusDate: WED_EVENING });
    expect(indicators.pv).toBeCloseTo(75, 2);
    expect(indicators.ac).toBeCloseTo(70, 2);
    expect(indicators.ev).toBeCloseTo(60, 2);
  });

  it('CPI: BCWP $60 against ACWP $70', () => {
    // Source: Microsoft Support, "CPI fields" (Project),
    // https://support.office.com/en-us/article/CPI-fields-d6d4d113-a5c6-4bb1-a70c-db7afb230aae :
    // "You expected that after two days, 50 percent of a four-day task would cost $60, the BCWP. This
    // task actually incurs a total cost of $70 for the first two days. The task's CPI is about .85, or
    // 85 percent." (60 / 70 = 0.857…, which the article truncates to .85.)
    const { indicators } = earnedValue(fourDayTask(60, 70), { statusDate: TUE_EVENING });
    expect(indicators.cpi).toBeCloseTo(60 / 70, 10);
    expect(Math.floor((indicators.cpi ?? 0) * 100) / 100).toBe(0.85);
    // MS Project's EAC = ACWP + (BAC − BCWP) / CPI, which is BAC / CPI.
    expect(indicators.eac.cpi).toBeCloseTo(70 + (100 - 60) / (60 / 70), 2);
  });

  it('TCPI: BAC $200, BCWP $125, ACWP $150', () => {
    // Source: Microsoft Support, "TCPI (task field)" (Project),
    // https://support.office.com/en-us/article/tcpi-task-field-c836b125-b7c4-4803-872c-b2cbc8fa8f1e :
    // "You have a task with a baseline cost (BAC) of $200, BCWP of $125, and ACWP of $150. The TCPI is
    // 1.5, indicating poor performance up to the status date."
    const project = evmProject({
      tasks: [evmTask('t', 4, { progress: { percentComplete: 62.5, actualStart: MON }, actualCost: 150 })],
      baselines: [{ name: '0', tasks: { t: { start: MON, finish: THU_EVENING, cost: 200 } } }],
    });
    const { indicators } = earnedValue(project, { statusDate: WED_EVENING });
    expect(indicators.ev).toBeCloseTo(125, 2);
    expect(indicators.tcpi.bac).toBeCloseTo(1.5, 10);
  });

  it('SV: 50 hours at $10 an hour planned by June 1, 80% done', () => {
    // Source: Microsoft Support, "SV fields" (Project),
    // https://support.microsoft.com/en-us/office/sv-fields-c4417aae-58f6-4a87-9ce8-4ad069012347 :
    // "The baseline plan for the "Write proposal" task had the task scheduled to complete 50 hours of
    // work (at a cost of $500) by June 1. However, on June 1, the percent complete on the task was only
    // 80 percent. The BCWP for this task is $400 (80 percent of $500). The BCWS is $500. Therefore, the
    // SV is -$100" — and for the resource field: "Sean scheduled to complete 50 hours of work (at $10
    // per hour) by June 1". The baseline below keeps work but no cost, so the $500 comes from 50 h × $10.
    const project = evmProject({
      tasks: [evmTask('write', 6, { name: 'Write proposal', progress: { percentComplete: 80 } })],
      resources: [{ id: 'sean', name: 'Sean', type: 'work', standardRate: 10 }],
      assignments: [{ taskId: 'write', resourceId: 'sean', units: 1, workMinutes: 50 * 60 }],
      baselines: [
        {
          name: '0',
          tasks: { write: { start: '2026-05-25T08:00', finish: '2026-06-01T17:00', workMinutes: 50 * 60 } },
        },
      ],
    });
    const result = earnedValue(project, { statusDate: '2026-06-01T17:00' });
    expect(result.tasks[0]?.budgetSource).toBe('work × rates');
    expect(result.indicators.bac).toBeCloseTo(500, 2);
    expect(result.indicators.ev).toBeCloseTo(400, 2);
    expect(result.indicators.pv).toBeCloseTo(500, 2);
    expect(result.indicators.sv).toBeCloseTo(-100, 2);
  });

  it('VAC: a $500 budget finished in half the hours', () => {
    // Source: Microsoft Support, "VAC fields" (Project),
    // https://support.office.com/en-us/article/vac-fields-6306c128-1fc7-4a59-8ca4-ad186ed748fa :
    // "The budgeted cost for a task is $500 because you had originally estimated that it would take
    // the assigned $50-per-hour resource 10 hours to complete. If the resource takes only five hours to
    // complete the task, the budgeted cost is $500 and the estimated cost is updated to $250. Therefore,
    // the VAC shows $250". The actual cost comes from the actual work: 5 h × $50.
    const project = evmProject({
      tasks: [evmTask('t', 1.25, { progress: { percentComplete: 100, actualStart: MON } })],
      resources: [{ id: 'r', name: 'R', type: 'work', standardRate: 50 }],
      assignments: [{ taskId: 't', resourceId: 'r', units: 1, workMinutes: 600, actualWorkMinutes: 300 }],
      baselines: [{ name: '0', tasks: { t: { start: MON, finish: '2026-03-03T10:00', cost: 500 } } }],
    });
    const { indicators, tasks } = earnedValue(project, { statusDate: WED_EVENING });
    expect(tasks[0]?.actualCostSource).toBe('actual work × rates');
    expect(indicators.ac).toBeCloseTo(250, 2);
    expect(indicators.eac.cpi).toBeCloseTo(250, 2);
    expect(indicators.vac.cpi).toBeCloseTo(250, 2);
  });

  it('EAC before any progress: 10 hours of two resources at $20 an hour', () => {
    // Source: Microsoft Support, "EAC (task field)" (Project),
    // https://support.microsoft.com/en-us/office/eac-task-field-c239ab92-01e6-4186-bc0a-a745eaaf23a7 :
    // "A task consists of 10 hours for two resources with rates of $20 per hour. At the start of the
    // task, the cost is $200." The baseline has no cost, so BAC is derived from work × rates.
    const project = evmProject({
      tasks: [evmTask('t', 0.625)],
      resources: [
        { id: 'a', name: 'A', type: 'work', standardRate: 20 },
        { id: 'b', name: 'B', type: 'work', standardRate: 20 },
      ],
      assignments: [
        { taskId: 't', resourceId: 'a', units: 1, workMinutes: 300 },
        { taskId: 't', resourceId: 'b', units: 1, workMinutes: 300 },
      ],
      baselines: [{ name: '0', tasks: { t: { start: MON, finish: '2026-03-02T14:00' } } }],
    });
    const { indicators } = earnedValue(project, { statusDate: MON });
    expect(indicators.bac).toBeCloseTo(200, 2);
    expect(indicators.eac).toEqual({ cpi: 200, cpiSpi: 200, budgetRate: 200 });
  });

  it.each([
    [25, 100],
    [50, 200],
  ])('BCWP: an 8-day task with a $400 baseline, %i%% complete, earns $%i', (percent, bcwp) => {
    // Source: Microsoft Support, "BCWP (Earned Value or EV) fields" (Project),
    // https://support.office.com/en-us/article/BCWP-Earned-Value-or-EV-fields-e0c570ea-9c7b-4864-8a6b-920ed0f7b847 :
    // "The baseline duration for a task is 8 days, and its baseline cost is $400. The one assigned
    // resource has reported that the task is now 25 percent complete as of last Friday. If last Friday
    // is your status date, the BCWP to this point is $100. When the resource reports that the
    // assignment is 50 percent complete, the BCWP becomes $200."
    const project = evmProject({
      tasks: [evmTask('t', 8, { progress: { percentComplete: percent } })],
      baselines: [{ name: '0', tasks: { t: { start: MON, finish: '2026-03-11T17:00', cost: 400 } } }],
    });
    expect(earnedValue(project, { statusDate: '2026-03-06T17:00' }).indicators.ev).toBeCloseTo(bcwp, 2);
  });
});

describe('earned schedule of a plan', () => {
  it('places the EV on the baseline curve in working days and forecasts the finish', () => {
    // $60 earned of a $100, four-day task is 2.4 days' worth of plan; 2 days have passed.
    const { earnedSchedule: es } = earnedValue(fourDayTask(60), { statusDate: TUE_EVENING });
    expect(es?.unit).toBe('working day');
    expect(es?.es).toBeCloseTo(2.4, 10);
    expect(es?.at).toBeCloseTo(2, 10);
    expect(es?.pd).toBeCloseTo(4, 10);
    expect(es?.svT).toBeCloseTo(0.4, 10);
    expect(es?.spiT).toBeCloseTo(1.2, 10);
    expect(es?.ieacT).toBeCloseTo(4 / 1.2, 10);
    // 3⅓ working days from Monday 08:00: Thursday 10:40.
    expect(es?.forecastFinish).toBe('2026-03-05T10:40:00');
    expect(es?.earnedDate).toBe('2026-03-04T11:12:00');
  });

  it('is behind when less is earned than planned, and never beyond the planned duration', () => {
    const late = earnedValue(fourDayTask(25), { statusDate: WED_EVENING }).earnedSchedule;
    expect(late?.es).toBeCloseTo(1, 10);
    expect(late?.svT).toBeCloseTo(-2, 10);
    expect(late?.forecastFinish).toBe('2026-03-17T17:00:00'); // PD / SPI(t) = 4 / (1/3) = 12 days
    const done = earnedValue(fourDayTask(100), { statusDate: '2026-03-06T17:00' }).earnedSchedule;
    expect(done?.es).toBeCloseTo(4, 10);
    expect(done?.ieacT).toBeCloseTo(5, 10); // finished a day late: IEAC(t) = AT
  });

  it('counts a milestone planned on a Saturday at Friday evening, as a status date that Saturday is', () => {
    // Found by the property test: $1 milestone Saturday 08:00 inside a zero-cost Tuesday–Monday task,
    // 1 % done at Saturday 17:00. PV $1, EV $0.01: behind, so ES must not pass AT (4 working days).
    const project = evmProject({
      tasks: [evmTask('t', 6), evmTask('m', 0, { progress: { percentComplete: 1 } })],
      baselines: [
        {
          name: '0',
          tasks: {
            t: { start: '2026-03-17T08:00', finish: '2026-03-23T17:00', cost: 0 },
            m: { start: '2026-03-21T08:00', finish: '2026-03-21T08:00', cost: 1 },
          },
        },
      ],
    });
    const es = earnedValue(project, { statusDate: '2026-03-21T17:00' }).earnedSchedule;
    expect(es?.at).toBeCloseTo(4, 10);
    expect(es?.es).toBeCloseTo(3.01, 10);
    expect(es?.svT).toBeLessThan(0);
  });
});

describe('baselines, status dates and the plan', () => {
  const twoBaselines = evmProject({
    statusDate: TUE_EVENING,
    tasks: [evmTask('t', 4, { progress: { percentComplete: 50 } })],
    baselines: [
      { name: '0', tasks: { t: { start: MON, finish: THU_EVENING, cost: 100 } } },
      { name: '1', tasks: { t: { start: MON, finish: THU_EVENING, cost: 300 } } },
    ],
  });

  it('uses "Baseline" by default, any other by name, and the project status date', () => {
    expect(earnedValue(twoBaselines).indicators.bac).toBe(100);
    expect(earnedValue(twoBaselines, { baseline: 'Baseline1' }).indicators.bac).toBe(300);
    expect(earnedValue(twoBaselines, { baseline: '1' }).baseline.displayName).toBe('Baseline1');
    expect(earnedValue(twoBaselines).statusDate).toBe(TUE_EVENING);
  });

  it.each<[Project, EarnedValueOptions, string]>([
    [{ ...twoBaselines, baselines: [] }, {}, 'NO_BASELINE'],
    [twoBaselines, { baseline: 'Baseline7' }, 'UNKNOWN_BASELINE'],
    [{ ...twoBaselines, statusDate: undefined }, {}, 'NO_STATUS_DATE'],
  ])('throws a typed error (%#)', (project, options, code) => {
    expect(() => earnedValue(project, options)).toThrow(EvmError);
    expect(() => earnedValue(project, options)).toThrow(expect.objectContaining({ code }));
  });

  it('counts detail tasks only, warns about tasks missing from the baseline', () => {
    const project = evmProject({
      tasks: [
        { id: 'phase', name: 'Phase', duration: { minutes: 0 } },
        evmTask('a', 2, { parentId: 'phase', progress: { percentComplete: 100 }, actualCost: 40 }),
        evmTask('b', 2, { parentId: 'phase', actualCost: 5 }),
      ],
      baselines: [
        {
          name: '0',
          tasks: { phase: { cost: 999 }, a: { start: MON, finish: '2026-03-03T17:00', cost: 50 } },
        },
      ],
    });
    const result = earnedValue(project, { statusDate: TUE_EVENING });
    expect(result.tasks.map((t) => t.id)).toEqual(['a', 'b']);
    expect(result.indicators).toMatchObject({ bac: 50, pv: 50, ev: 50, ac: 45 });
    expect(result.warnings.join(' ')).toContain('not in baseline "Baseline"');
  });

  it('derives actual cost from % complete when assignments report no actual work', () => {
    const project = evmProject({
      tasks: [evmTask('t', 2, { progress: { percentComplete: 50 }, fixedCost: 100 })],
      resources: [{ id: 'r', name: 'R', type: 'work', standardRate: 10, costPerUse: 7 }],
      assignments: [{ taskId: 't', resourceId: 'r', units: 1 }],
      baselines: [{ name: '0', tasks: { t: { start: MON, finish: '2026-03-03T17:00' } } }],
    });
    const { indicators } = earnedValue(project, { statusDate: MON });
    // 16 h × $10 + $7 per use + $100 fixed = $267; half done: 8 h × $10 + $7 + $50 = $137.
    expect(indicators.bac).toBeCloseTo(267, 2);
    expect(indicators.ac).toBeCloseTo(137, 2);
  });
});

describe('time-phased series', () => {
  it('gives cumulative PV per day, and EV and AC up to the status date', () => {
    const result = earnedValue(fourDayTask(60, 70), { statusDate: TUE_EVENING, period: 'day' });
    const points = result.series?.points ?? [];
    expect(points.map((p) => p.start)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);
    expect(points.map((p) => p.pv)).toEqual([25, 50, 75, 100]);
    expect(points.map((p) => p.ev)).toEqual([30, 60, null, null]);
    expect(points.map((p) => p.ac)).toEqual([35, 70, null, null]);
    expect(result.series?.earnedSchedule?.es).toBeCloseTo(2.4, 10);
  });

  it('groups by ISO week and by month', () => {
    const weekly = earnedValue(fourDayTask(60), { statusDate: '2026-03-10T17:00', period: 'week' }).series;
    expect(weekly?.points.map((p) => [p.start, p.end, p.pv])).toEqual([
      ['2026-03-02', '2026-03-08', 100],
      ['2026-03-09', '2026-03-15', 100],
    ]);
    const monthly = earnedValue(fourDayTask(60), { statusDate: TUE_EVENING, period: 'month' }).series;
    expect(monthly?.points.map((p) => [p.start, p.end])).toEqual([['2026-03-01', '2026-03-31']]);
  });
});
