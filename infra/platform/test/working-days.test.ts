import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  easterSunday,
  endOfParisDay,
  endOfWorkingDaysAfter,
  isWorkingDay,
  workingDaysBetween,
} from '../src/working-days.js';

describe('French working days', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'],
  ])('Easter %i falls on %s', (year, day) => expect(easterSunday(year)).toBe(day));

  it.each([
    ['2026-12-25', false, 'Christmas'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-05-14', false, 'Ascension Thursday'],
    ['2026-05-25', false, 'Whit Monday'],
    ['2026-07-14', false, 'Bastille Day'],
    ['2026-11-11', false, 'Armistice'],
    ['2026-12-05', false, 'a Saturday'],
    ['2026-12-06', false, 'a Sunday'],
    ['2026-12-07', true, 'a Monday'],
    ['2026-05-13', true, 'the day before Ascension'],
  ])('%s is a working day: %s (%s)', (day, working) => expect(isWorkingDay(day)).toBe(working));

  it.each([
    // From Wednesday 2 December 2026: ten working days end on Wednesday 16 December.
    ['2026-12-02', 10, '2026-12-16'],
    // Over Christmas and New Year: 25 December and 1 January are skipped.
    ['2026-12-21', 10, '2027-01-06'],
    // Over Ascension (14 May) and Whit Monday (25 May 2026).
    ['2026-05-11', 10, '2026-05-27'],
    // From a Friday, one working day is the Monday.
    ['2026-12-04', 1, '2026-12-07'],
  ])('%s + %i working days = %s', (from, days, to) => {
    expect(addWorkingDays(from, days)).toBe(to);
    expect(workingDaysBetween(from, to)).toBe(days);
  });

  it('ends a Paris day at its last millisecond, in winter and in summer time', () => {
    expect(endOfParisDay('2026-12-16').toISOString()).toBe('2026-12-16T22:59:59.999Z');
    expect(endOfParisDay('2026-07-01').toISOString()).toBe('2026-07-01T21:59:59.999Z');
    // Ten working days from Wednesday 23 December 2026: Christmas and New Year's Day skipped.
    expect(endOfWorkingDaysAfter(new Date('2026-12-23T10:00:00Z'), 10).toISOString()).toBe('2027-01-08T22:59:59.999Z');
  });
});
