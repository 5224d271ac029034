import { GraphQLLocalDate } from 'graphql-scalars';

/** A calendar day, "2024-10-02". */
export const LocalDate = GraphQLLocalDate;

// Built once: an Intl formatter costs far more to create than to use (it was most of the
// consumption subgraph's CPU time under load).
const parisDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in France, the market's reference time zone. */
export const todayInParis = (now = new Date()) => parisDay.format(now);

/** A JSON object, for free-form values such as the before/after of a change. */
export { GraphQLJSONObject as JSONObject } from 'graphql-scalars';

const parisHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', hourCycle: 'h23' });

/** The instant a day starts in France (midnight in Paris, summer time or not). */
export function startOfParisDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  return new Date(utcMidnight.getTime() - Number(parisHour.format(utcMidnight)) * 3_600_000);
}

/** A day for people: "16/12/2026" in French, "16 Dec 2026" in English. */
export function formatDay(day: string, locale: 'fr' | 'en'): string {
  const [year, month, date] = day.split('-');
  if (locale === 'fr') return `${date}/${month}/${year}`;
  return `${Number(date)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(month) - 1]} ${year}`;
}
