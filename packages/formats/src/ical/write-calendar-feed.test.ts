import { readFileSync } from 'node:fs';
import { scheduleProject } from '@tandem/core';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../plan/read-plan-file.ts';
import { writeCalendarFeed } from './write-calendar-feed.ts';

const demo = readPlanFile(
  readFileSync(new URL('../../../cli/demo/online-banking.yaml', import.meta.url), 'utf8'),
  'yaml',
);
const schedule = scheduleProject(demo);
const now = new Date('2026-03-01T12:00:00Z');

function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)),
  };
}

describe('iCalendar feed', () => {
  const milestones = schedule.tasks.filter((t) => t.milestone && !t.summary);
  const deadlines = demo.tasks.filter((t) => t.deadline !== undefined);

  it('parses with ical.js and lists every milestone and deadline, once each, with stable UIDs', () => {
    expect(milestones.length).toBeGreaterThan(3);
    expect(deadlines.length).toBeGreaterThan(0);
    const ics = writeCalendarFeed(demo, { projectId: 'p1', schedule, now });
    const { calendar, events: list } = events(ics);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(demo.name);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Tandem//Project milestones//EN');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/London');
    const uids = list.map((e) => e.uid);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids.filter((u) => u.startsWith('milestone-')).sort()).toEqual(
      milestones.map((m) => `milestone-${m.id}-p1@tandem`).sort(),
    );
    expect(uids.filter((u) => u.startsWith('deadline-')).sort()).toEqual(
      deadlines.map((t) => `deadline-${t.id}-p1@tandem`).sort(),
    );
    for (const m of milestones) {
      const event = list.find((e) => e.uid === `milestone-${m.id}-p1@tandem`)!;
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(new Date(m.start * 60_000).toISOString().slice(0, 10));
      expect(event.summary).toBe(`◆ ${demo.tasks[m.index]!.name}`);
      expect(event.component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-01T12:00:00Z');
    }
    // Same plan, later: same UIDs, so subscribed calendars update rather than duplicate.
    const again = events(writeCalendarFeed(demo, { projectId: 'p1', schedule, now: new Date() })).events;
    expect(again.map((e) => e.uid)).toEqual(uids);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('escapes text and writes timed events when asked', () => {
    const project = {
      ...demo,
      name: 'Go-live; phase 1, "Northbridge"',
      tasks: demo.tasks.map((t, i) =>
        i === milestones[0]!.index ? { ...t, name: 'Sign-off; legal, risk\nand audit' } : t,
      ),
    };
    const ics = writeCalendarFeed(project, { projectId: 'p1', schedule, now, timed: true });
    expect(ics).toContain('Sign-off\\; legal\\, risk\\nand audit');
    const { calendar, events: list } = events(ics);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Go-live; phase 1, "Northbridge"');
    const event = list.find((e) => e.uid === `milestone-${milestones[0]!.id}-p1@tandem`)!;
    expect(event.summary).toBe('◆ Sign-off; legal, risk\nand audit');
    expect(event.startDate.isDate).toBe(false);
    expect(event.startDate.toString()).toBe(
      new Date(milestones[0]!.start * 60_000).toISOString().slice(0, 19),
    );
  });
});
