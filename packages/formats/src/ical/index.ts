// Public surface of the iCalendar feed.
export { CALENDAR_PRODID, writeCalendarFeed } from './write-calendar-feed.ts';
export type { CalendarFeedOptions } from './write-calendar-feed.ts';
