// Public surface of the PSPLIB single-mode (.sm) format.
export { readPsplib } from './read-psplib.ts';
export {
  PSPLIB_CALENDAR_ID,
  PSPLIB_PERIOD_MINUTES,
  PSPLIB_START,
  psplibCalendar,
  psplibToProject,
} from './psplib-project.ts';
export type { PsplibInstance, PsplibJob, PsplibResource } from './psplib-instance.ts';
