/**
 * Dates as Jira writes them in CSV exports: its default `dd/MMM/yy h:mm a` (`12/Jan/26 9:30 AM`),
 * the date alone (`12/Jan/26`), and ISO (`2026-01-12`, `2026-01-12 09:30`) for instances set to it.
 */
import { type LocalDateTime, formatLocal, parseLocal } from '@tandem/core';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const JIRA = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?:\s*([AaPp][Mm]))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/** A local date-time, or undefined when the text is not a date (or not a real one, like 31/Feb/26). */
export function parseJiraDate(text: string, defaultMinute: number): LocalDateTime | undefined {
  const t = text.trim();
  let y: number, mo: number, d: number;
  let minute = defaultMinute;
  const j = JIRA.exec(t);
  const iso = j ? null : ISO.exec(t);
  if (j) {
    d = Number(j[1]);
    mo = MONTHS.indexOf(j[2]!.toLowerCase()) + 1;
    y = j[3]!.length === 2 ? 2000 + Number(j[3]) : Number(j[3]);
    if (j[4] !== undefined) {
      let h = Number(j[4]);
      const ampm = j[6]?.toLowerCase();
      if (ampm !== undefined && (h < 1 || h > 12)) return undefined;
      if (ampm === 'pm' && h < 12) h += 12;
      if (ampm === 'am' && h === 12) h = 0;
      minute = h * 60 + Number(j[5]);
    }
  } else if (iso) {
    y = Number(iso[1]);
    mo = Number(iso[2]);
    d = Number(iso[3]);
    if (iso[4] !== undefined) minute = Number(iso[4]) * 60 + Number(iso[5]);
  } else return undefined;
  if (mo < 1 || mo > 12 || d < 1 || minute >= 1440) return undefined;
  const day = `${y.toString().padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.getUTCDate() !== d) return undefined;
  return formatLocal(parseLocal(day) + minute);
}
