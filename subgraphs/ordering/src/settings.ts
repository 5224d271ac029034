import { FILE_STORE_SETTINGS } from '@nuage/files';
import { setting, settingsFrom, settingTypes, type ServiceSetup, type SettingsSpec } from '@nuage/platform';

/** What the ordering subgraph reads besides every subgraph's settings: its file store's, and its consultations' clock. */
export const ORDERING_SETTINGS = {
  ...FILE_STORE_SETTINGS,
  RESPONSE_REMINDER_HOURS: setting({
    schema: settingTypes.wholeNumber,
    default: 48,
    description: 'How long before a response deadline the solicited brands that have not answered are reminded.',
  }),
  CONSULTATION_CLOCK_SECONDS: setting({
    schema: settingTypes.wholeNumber,
    default: 30,
    description:
      'How often deadlines are looked at: sealed proposals open, and reminders leave, at most this long after their time.',
  }),
} satisfies SettingsSpec;

/** What the consultations' clock needs to know. */
export interface ConsultationPolicy {
  reminderHours: number;
}

export const consultationPolicyOf = ({ settings }: Pick<ServiceSetup, 'settings'>): ConsultationPolicy => ({
  reminderHours: settingsFrom(settings, ORDERING_SETTINGS).RESPONSE_REMINDER_HOURS,
});
