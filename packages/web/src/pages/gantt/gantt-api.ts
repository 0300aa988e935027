// The Gantt page's extra API rows: dependencies (the links) and baselines (the grey bars).
import { projectCollection } from '../../api/collection.ts';
import type { ProjectEntity } from '../../api/types.ts';
import type { DurationUnit } from './gantt-data.ts';

export type DependencyType = 'FS' | 'SS' | 'FF' | 'SF';

export interface Dependency extends ProjectEntity {
  predecessorId: string;
  successorId: string;
  type: DependencyType;
  /** working minutes (calendar minutes when `lagElapsed`); ignored when `lagPercent` is set */
  lagMinutes: number;
  /** a lag as a percentage of the predecessor's duration (MS Project's `50%`) */
  lagPercent?: number | null;
  lagElapsed?: boolean;
  /** the unit the lag was entered in, for showing it */
  lagUnit?: DurationUnit | null;
}

export interface BaselineTask {
  start?: string;
  finish?: string;
  durationMinutes?: number;
}

export interface Baseline extends ProjectEntity {
  name: string;
  /** keyed by work item id */
  snapshot: Record<string, BaselineTask>;
}

export const dependencies = projectCollection<Dependency>('dependencies', {
  label: 'dependency',
  describe: () => 'link',
});

export const baselines = projectCollection<Baseline>('baselines', { label: 'baseline' });
