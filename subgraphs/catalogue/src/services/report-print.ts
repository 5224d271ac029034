import type { MarketParties } from '@nuage/contracts';
import type { GuidedChoice, Market } from '../entities/index.js';

/*
 * The PAAC report's data, name and address, apart from its layout (`report.ts`, in the worker
 * thread): the service's own thread never loads the PDF library.
 */

/** What the PAAC report prints: plain data, so that a worker thread lays it out. */
export type GuidedChoicePrint = Pick<
  GuidedChoice,
  'projectName' | 'createdAt' | 'authorName' | 'entityName' | 'entityId' | 'asOf' | 'result' | 'buyer'
> & { market: MarketParties };

/** A market's parties as documents print them. */
export const marketParties = (market: Market): MarketParties => ({
  marketName: market.name,
  marketReference: market.reference,
  holder: { name: market.holder, registration: market.holderRegistration, address: market.holderAddress },
  purchasingBody: {
    name: market.purchasingBody,
    registration: market.purchasingBodyRegistration,
    address: market.purchasingBodyAddress,
  },
});

export const guidedChoicePrint = (choice: GuidedChoice): GuidedChoicePrint => ({
  projectName: choice.projectName,
  createdAt: choice.createdAt,
  authorName: choice.authorName,
  entityName: choice.entityName,
  entityId: choice.entityId,
  asOf: choice.asOf,
  result: choice.result,
  buyer: choice.buyer,
  market: marketParties(choice.market),
});

/** Where the gateway serves a recorded evaluation's PAAC report (GET with the caller's bearer token). */
export const reportPath = (id: string) => `/downloads/catalogue/guided-choices/${id}/report.pdf`;

const stampFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hourCycle: 'h23',
});

/** The report's name as the portal gives it: `PAAC-<yyyyMMddHHmmssSSS>.pdf`, Paris time of the evaluation. */
export function paacFileName(recordedAt: Date): string {
  const part = Object.fromEntries(stampFormat.formatToParts(recordedAt).map((p) => [p.type, p.value]));
  return `PAAC-${part.year}${part.month}${part.day}${part.hour}${part.minute}${part.second}${part.fractionalSecond}.pdf`;
}
