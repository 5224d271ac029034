import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import {
  enqueueEffect,
  setting,
  settingsFrom,
  settingTypes,
  type EffectHandlers,
  type Logger,
  type ServiceSetup,
  type SettingsSpec,
} from '@nuage/platform';

/** What a subgraph that sends email reads (add them to its `settings`). */
export const MAIL_SETTINGS = {
  SMTP_URL: setting({
    schema: settingTypes.url(/^smtps?$/).optional(),
    secret: true,
    description:
      'The SMTP server (`smtp://user:pass@host:587`); unset, emails are written as `.eml` files in `<DATA_DIR>/mail`.',
  }),
  MAIL_FROM: setting({
    schema: settingTypes.text,
    default: 'Nuage Public <ne-pas-repondre@nuage-public.fr>',
    description: 'The sender of every email.',
  }),
} satisfies SettingsSpec;

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

declare module '@nuage/platform' {
  interface EffectPayloads {
    /** An email, sent after the transaction that asked for it commits. */
    mail: Mail;
  }
}

export interface Mailer {
  /**
   * Sends one email. `key` identifies it: sent again with the same key (a retry after a crash), it
   * carries the same Message-ID, and in the local folder it replaces its own file.
   */
  send(mail: Mail, key: string): Promise<void>;
}

/** A Message-ID from an idempotency key (receivers' systems drop a second copy of one). */
const messageIdOf = (key: string) => `<${key.replace(/[^\w.-]/g, '.')}@nuage-public.fr>`;

/**
 * Sends email over SMTP when `SMTP_URL` is set (smtp[s]://user:pass@host:port), otherwise writes
 * each message as an `.eml` file in a local folder, where a developer can open it.
 */
export function createMailer({
  smtpUrl,
  folder,
  from,
  logger,
}: {
  smtpUrl?: string;
  folder: string;
  from: string;
  logger: Logger;
}): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return {
      async send(mail, key) {
        await transport.sendMail({ from, ...mail, messageId: messageIdOf(key) });
        logger.info({ to: mail.to, subject: mail.subject, key }, 'email sent');
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail, key) {
      const info = await transport.sendMail({ from, ...mail, messageId: messageIdOf(key) });
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${key.replace(/[^\w.-]/g, '_')}.eml`);
      await writeFile(file, info.message as Buffer);
      logger.info({ to: mail.to, subject: mail.subject, file }, 'email written to the local mail folder');
    },
  };
}

/** The subgraph's mailer (SMTP when configured, `<dataDir>/mail` otherwise): declare it in the subgraph's `services`. */
export const mailerOf = ({ dataDir, settings, logger }: ServiceSetup): { mailer: Mailer } => {
  const { SMTP_URL, MAIL_FROM } = settingsFrom(settings, MAIL_SETTINGS);
  return { mailer: createMailer({ smtpUrl: SMTP_URL, folder: join(dataDir, 'mail'), from: MAIL_FROM, logger }) };
};

/**
 * Asks for an email once the current transaction commits: sent by the subgraph's effects worker,
 * retried alone if it fails, at most once per `key` (e.g. the event and the recipient).
 */
export function sendMailAfterCommit(em: EntityManager, mail: Mail, key: string): void {
  enqueueEffect(em, 'mail', mail, key);
}

/** The effect that sends the emails asked for: declare it in the subgraph's `effects`. */
export const mailEffects: EffectHandlers<{ mailer: Mailer }> = {
  mail: (mail, { key, services }) => services.mailer.send(mail, key),
};
