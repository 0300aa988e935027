/** What schedule risk analysis returns: plain JSON-ready data (dates as local date-time strings). */
import type { LocalDateTime } from '../../model/project.ts';

/** A date of the forecast, with its distance from the project start in working days. */
export interface ForecastDate {
  date: LocalDateTime;
  /** Working days (project calendar, `units.minutesPerDay`) from the project start. */
  workingDays: number;
}

/** `probability` (0..1) of finishing by `date`. */
export interface Percentile extends ForecastDate {
  /** 10 for P10, …, 95 for P95. */
  percent: number;
}

/** The distribution of one finish date over all iterations. */
export interface DateDistribution {
  /** The deterministic schedule's date (planned durations, no risks). */
  planned: ForecastDate;
  /** Share of iterations finishing no later than the planned date. */
  probabilityOfPlanned: number;
  /** Nearest-rank percentiles: Pn is the earliest date that n % of iterations finish by. */
  percentiles: Percentile[];
  /** Mean of the working days, and that many working days after the start. */
  mean: ForecastDate;
  stdDevWorkingDays: number;
  min: ForecastDate;
  max: ForecastDate;
}

export interface MilestoneForecast extends DateDistribution {
  taskId: string;
  name: string;
}

export interface DeadlineForecast {
  taskId: string;
  name: string;
  deadline: LocalDateTime;
  planned: LocalDateTime;
  /** Share of iterations in which the task finishes no later than its deadline. */
  probability: number;
}

export interface TaskCriticality {
  taskId: string;
  name: string;
  /** Share of iterations in which the task was critical (total float ≤ the critical slack limit). */
  index: number;
}

export interface TaskSensitivity {
  taskId: string;
  name: string;
  /** Spearman rank correlation of the task's sampled duration (risk delays included) with the finish. */
  correlation: number;
}

export interface RiskForecast {
  riskId: string;
  name: string;
  /** Share of iterations in which the risk occurred. */
  occurrence: number;
  /** Mean delay (working minutes) and cost when it occurred; 0 when it never did. */
  meanDelayMinutes: number;
  meanCost: number;
  /** Spearman rank correlation of the risk's delay (0 when it did not occur) with the finish. */
  correlation: number;
}

export interface HistogramBin {
  /** Bin edges in working days from the start (the last bin includes its upper edge). */
  fromWorkingDays: number;
  toWorkingDays: number;
  from: LocalDateTime;
  to: LocalDateTime;
  count: number;
  /** count ÷ iterations. */
  probability: number;
  /** Share of iterations finishing no later than the bin's upper edge. */
  cumulative: number;
}

/** One point of the S-curve: `probability` of finishing by `date`. */
export interface SCurvePoint extends ForecastDate {
  probability: number;
}

export interface CostDistribution {
  /** Total cost of the risks that occurred, per iteration. */
  mean: number;
  stdDev: number;
  min: number;
  max: number;
  percentiles: { percent: number; value: number }[];
}

export interface RiskAnalysisResult {
  iterations: number;
  seed: number;
  /** Threads that ran iterations (the calling thread included). */
  threads: number;
  /** 'working-minutes': the fast passes; 'engine': `prepareSchedule(…).run`, with the reason. */
  kernel: 'working-minutes' | 'engine';
  kernelReason?: string;
  /** False when run without criticality (forward pass only): `criticality` is then empty. */
  criticalityComputed: boolean;
  projectStart: LocalDateTime;
  finish: DateDistribution;
  milestones: MilestoneForecast[];
  deadlines: DeadlineForecast[];
  /** Leaf tasks by criticality index, highest first. */
  criticality: TaskCriticality[];
  /** Tasks whose duration varies, by |correlation|, largest first (tornado data). */
  sensitivity: TaskSensitivity[];
  risks: RiskForecast[];
  histogram: HistogramBin[];
  sCurve: SCurvePoint[];
  /** Present when some risk carries a cost (over every iteration). */
  cost?: CostDistribution;
  /**
   * Iterations that could not be scheduled — a sampled duration ran past the last working time of a
   * calendar — with the first reason. Dates, criticality and sensitivity are over the other iterations
   * (so they are optimistic); a warning says so.
   */
  unscheduled?: { iterations: number; reason: string };
  warnings: string[];
}
