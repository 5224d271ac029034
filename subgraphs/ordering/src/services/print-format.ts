import type Decimal from 'decimal.js';
import { Dec, formatEuros } from '@nuage/platform';
import type { BillingPeriod, BillingTiming } from '@nuage/contracts';

/** How documents write what they print, in French (the documents are the portal's, in French). */
export const PERIODS: Record<BillingPeriod, string> = {
  ONE_OFF: 'Ponctuelle',
  MONTHLY: 'Mensuelle',
  QUARTERLY: 'Trimestrielle',
  ANNUAL: 'Annuelle',
};
export const TIMINGS: Record<BillingTiming, string> = { IN_ADVANCE: 'À échoir', IN_ARREARS: 'Échu' };

export const euros = (value: Decimal.Value) => formatEuros(new Dec(value), 'fr');
export const rate = (value: Decimal.Value) => `${new Dec(value).toFixed(2).replace('.', ',')} %`;
const dateFormat = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris' });
const dateTimeFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const frenchDate = (date: Date) => dateFormat.format(date);
export const frenchDateTime = (date: Date) => dateTimeFormat.format(date).replace(' ', ' à ');
/** "2024-10-09" → "09/10/2024". */
export const frenchDay = (day: string) => day.split('-').reverse().join('/');
