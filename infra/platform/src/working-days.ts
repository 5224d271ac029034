/**
 * Working days in France: Monday to Friday, except the eleven national public holidays (fixed
 * dates, and those that follow Easter: Easter Monday, Ascension Thursday, Whit Monday). Days are
 * ISO dates ("2026-12-25"), read in Paris time.
 */

import { todayInParis } from './scalars.js';

const dayMs = 86_400_000;
const iso = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);
const utcOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** Easter Sunday of a year (the Gregorian computus, "anonymous" algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidaysByYear = new Map<number, Set<string>>();

/** The French national public holidays of a year. */
export function frenchPublicHolidays(year: number): Set<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    const easter = utcOf(easterSunday(year));
    const fixed = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'].map((d) => `${year}-${d}`);
    days = new Set([...fixed, ...[1, 39, 50].map((after) => iso(easter + after * dayMs))]);
    holidaysByYear.set(year, days);
  }
  return days;
}

export function isWorkingDay(day: string): boolean {
  const weekday = new Date(utcOf(day)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !frenchPublicHolidays(Number(day.slice(0, 4))).has(day);
}

/** The working day `count` working days after `day` (not counting `day` itself). */
export function addWorkingDays(day: string, count: number): string {
  let at = utcOf(day);
  for (let left = count; left > 0; ) {
    at += dayMs;
    if (isWorkingDay(iso(at))) left -= 1;
  }
  return iso(at);
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string): number {
  let count = 0;
  for (let at = utcOf(from) + dayMs; at <= utcOf(to); at += dayMs) if (isWorkingDay(iso(at))) count += 1;
  return count;
}

/** The end of the Paris day `count` working days after the Paris day of `from` (a response deadline by default). */
export const endOfWorkingDaysAfter = (from: Date, count: number): Date =>
  endOfParisDay(addWorkingDays(todayInParis(from), count));

const parisOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/** The instant a Paris day ends (its last millisecond), whatever the daylight saving time. */
export function endOfParisDay(day: string): Date {
  const nextMidnightUtc = utcOf(day) + dayMs;
  // Paris is UTC+1 or UTC+2: its offset at that instant tells which.
  const offset = parisOffset.formatToParts(new Date(nextMidnightUtc)).find((p) => p.type === 'timeZoneName')!.value;
  const hours = Number(/GMT([+-]\d{2})/.exec(offset)?.[1] ?? 0);
  return new Date(nextMidnightUtc - hours * 3_600_000 - 1);
}
