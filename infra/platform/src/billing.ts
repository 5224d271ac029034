import { BillingPeriod, BillingTiming } from '@nuage/contracts';
import { registerEnumType } from 'type-graphql';

// One definition for the catalogue's price list and ordering's proposals and orders.
registerEnumType(BillingPeriod, {
  name: 'BillingPeriod',
  description: 'How often a product or a subscription is invoiced.',
  valuesConfig: {
    ONE_OFF: { description: 'Once (Ponctuel / One-off).' },
    MONTHLY: { description: 'Every month (Mensuel / Monthly).' },
    QUARTERLY: { description: 'Every quarter (Trimestriel / Quarterly).' },
    ANNUAL: { description: 'Every year (Annuel / Annual).' },
  },
});

registerEnumType(BillingTiming, {
  name: 'BillingTiming',
  description: 'Whether each period is invoiced at its start or at its end.',
  valuesConfig: {
    IN_ADVANCE: { description: 'At the start of the period (Terme à échoir / In advance).' },
    IN_ARREARS: { description: 'At the end of the period, for what was used (Terme échu / In arrears).' },
  },
});
