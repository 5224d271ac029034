/** How often a product or a subscription is invoiced. */
export enum BillingPeriod {
  ONE_OFF = 'ONE_OFF',
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  ANNUAL = 'ANNUAL',
}

/** Whether each period is invoiced at its start or at its end. */
export enum BillingTiming {
  IN_ADVANCE = 'IN_ADVANCE',
  IN_ARREARS = 'IN_ARREARS',
}
