import { FILE_STORE_SETTINGS } from '@nuage/files';
import { MAIL_SETTINGS } from '@nuage/mail';
import { setting, settingsFrom, settingTypes, type ServiceSetup, type SettingsSpec } from '@nuage/platform';

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
} satisfies SettingsSpec;

/** Where an invitation's link leads: the portal's own page when one is set, otherwise the gateway's activation page. */
export const invitationLinksOf = ({ settings }: Pick<ServiceSetup, 'settings'>): { activationUrl: string } => {
  const { PORTAL_URL, GATEWAY_PUBLIC_URL } = settingsFrom(settings, REQUESTS_SETTINGS);
  return { activationUrl: `${(PORTAL_URL ?? GATEWAY_PUBLIC_URL).replace(/\/$/, '')}/activation` };
};
