import { FILE_STORE_SETTINGS } from '@nuage/files';
import { MAIL_SETTINGS } from '@nuage/mail';
import {
  setting,
  settingsFrom,
  settingTypes,
  type DeliveryPolicy,
  type ServiceSetup,
  type SettingsSpec,
} from '@nuage/platform';

/** What the requests subgraph reads besides every subgraph's settings: its features' and where invitations lead. */
export const REQUESTS_SETTINGS = {
  ...FILE_STORE_SETTINGS,
  ...MAIL_SETTINGS,
  PORTAL_URL: setting({
    schema: settingTypes.url(/^https?$/).optional(),
    description: 'The buyers’ portal: invitation links lead to `<PORTAL_URL>/activation`.',
  }),
  GATEWAY_PUBLIC_URL: setting({
    schema: settingTypes.url(/^https?$/),
    default: 'http://127.0.0.1:4000',
    description: 'The gateway as people reach it: without a portal, invitation links lead to its activation page.',
  }),
  RESPONSE_WORKING_DAYS: setting({
    schema: settingTypes.wholeNumber,
    default: 10,
    description:
      'The response deadline a submitted request gets when its buyer sets none: the end of the Paris day this many working days later (French public holidays excluded).',
  }),
  EVENT_RETENTION_DAYS: setting({
    schema: settingTypes.wholeNumber.refine((days) => days >= 90, 'events are kept at least 90 days'),
    default: 90,
    description: 'How long the events of the feed (and their webhook deliveries) are kept, in days (90 at least).',
  }),
  WEBHOOK_ALLOWED_HOSTS: setting({
    schema: settingTypes.commaList(settingTypes.text),
    default: [] as string[],
    shownDefault: 'none',
    description:
      'Hosts a webhook endpoint may name besides public HTTPS ones (for tests and private networks: loopback, plain HTTP), comma-separated.',
  }),
  WEBHOOK_RETRY_LIMIT: setting({
    schema: settingTypes.wholeNumber,
    default: 20,
    description: 'Retries of a webhook delivery after its first attempt (20 with the default delays: over three days).',
  }),
  WEBHOOK_RETRY_DELAY_SECONDS: setting({
    schema: settingTypes.wholeNumber,
    default: 60,
    description: 'The first retry of a webhook delivery waits about this long; each next one about twice as long.',
  }),
  WEBHOOK_RETRY_DELAY_MAX_SECONDS: setting({
    schema: settingTypes.wholeNumber,
    default: 21_600,
    description: 'The longest wait between two attempts of a webhook delivery.',
  }),
  WEBHOOK_TIMEOUT_SECONDS: setting({
    schema: settingTypes.wholeNumber,
    default: 10,
    description: 'How long a webhook endpoint has to answer an attempt.',
  }),
  WEBHOOK_DISABLE_AFTER_FAILURES: setting({
    schema: settingTypes.wholeNumber,
    default: 60,
    description: 'Failed attempts in a row after which a webhook endpoint is disabled (its owner is told).',
  }),
  WEBHOOK_SECRET_OVERLAP_HOURS: setting({
    schema: settingTypes.wholeNumber,
    default: 24,
    description: 'After a secret rotation, how long deliveries are signed with the previous secret too.',
  }),
} satisfies SettingsSpec;

/** How webhook deliveries are made and retried. */
export interface WebhookPolicy {
  allowedHosts: string[];
  timeoutMs: number;
  disableAfterFailures: number;
  secretOverlapMs: number;
}

export const webhookPolicyOf = ({ settings }: Pick<ServiceSetup, 'settings'>): { webhookPolicy: WebhookPolicy } => {
  const s = settingsFrom(settings, REQUESTS_SETTINGS);
  return {
    webhookPolicy: {
      allowedHosts: s.WEBHOOK_ALLOWED_HOSTS,
      timeoutMs: s.WEBHOOK_TIMEOUT_SECONDS * 1000,
      disableAfterFailures: s.WEBHOOK_DISABLE_AFTER_FAILURES,
      secretOverlapMs: s.WEBHOOK_SECRET_OVERLAP_HOURS * 3_600_000,
    },
  };
};

/** Webhooks are retried on a queue of their own, for days, not like the subgraph's other effects. */
export const webhookRetriesOf = (settings: Readonly<Record<string, unknown>>): { webhook: DeliveryPolicy } => {
  const s = settingsFrom(settings, REQUESTS_SETTINGS);
  return {
    webhook: {
      retryLimit: s.WEBHOOK_RETRY_LIMIT,
      retryDelaySeconds: s.WEBHOOK_RETRY_DELAY_SECONDS,
      retryDelayMaxSeconds: s.WEBHOOK_RETRY_DELAY_MAX_SECONDS,
    },
  };
};

export const eventRetentionDaysOf = (settings: Readonly<Record<string, unknown>>) =>
  settingsFrom(settings, REQUESTS_SETTINGS).EVENT_RETENTION_DAYS;

/** How long suppliers have to answer by default. */
export const consultationDefaultsOf = ({ settings }: Pick<ServiceSetup, 'settings'>) => ({
  consultation: { workingDays: settingsFrom(settings, REQUESTS_SETTINGS).RESPONSE_WORKING_DAYS },
});

/** Where an invitation's link leads: the portal's own page when one is set, otherwise the gateway's activation page. */
export const invitationLinksOf = ({ settings }: Pick<ServiceSetup, 'settings'>): { activationUrl: string } => {
  const { PORTAL_URL, GATEWAY_PUBLIC_URL } = settingsFrom(settings, REQUESTS_SETTINGS);
  return { activationUrl: `${(PORTAL_URL ?? GATEWAY_PUBLIC_URL).replace(/\/$/, '')}/activation` };
};
