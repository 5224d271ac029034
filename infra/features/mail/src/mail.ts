import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger, ServiceSetup } from '@nuage/platform';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

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
      async send(mail) {
        await transport.sendMail({ from, ...mail });
        logger.info({ to: mail.to, subject: mail.subject }, 'email sent');
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      await mkdir(folder, { recursive: true });
      const file = join(
        folder,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      logger.info({ to: mail.to, subject: mail.subject, file }, 'email written to the local mail folder');
    },
  };
}

/** The subgraph's mailer (SMTP when configured, `<dataDir>/mail` otherwise): declare it in the subgraph's `services`. */
export const mailerOf = ({ dataDir, smtpUrl, logger }: ServiceSetup): { mailer: Mailer } => ({
  mailer: createMailer({
    smtpUrl,
    folder: join(dataDir, 'mail'),
    from: process.env.MAIL_FROM ?? 'Nuage Public <ne-pas-repondre@nuage-public.fr>',
    logger,
  }),
});
