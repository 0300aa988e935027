// The module bench/gantt/build.ts resolves to packages/web/src/gantt/index.ts (null while it does not exist).
declare module 'virtual:tandem-gantt' {
  import type { ComponentType } from 'react';
  import type { GanttProps } from '../../../packages/web/src/gantt/types.ts';
  export const Gantt: ComponentType<GanttProps> | null;
}
