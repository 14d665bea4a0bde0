import nodemailer, { type Transporter } from 'nodemailer';
import { getConfig } from '../config';

// Email over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. One
// transport per URL, kept between sends; without SMTP_URL nothing is sent and
// callers say so (mailEnabled).

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

let cached: { url: string; transport: Transporter } | null = null;

function transport(url: string): Transporter {
  if (cached?.url !== url) {
    cached?.transport.close();
    // requireTLS: a password never crosses the network in the clear; a server without STARTTLS is refused.
    const secure = url.startsWith('smtps:');
    cached = {
      url,
      transport: nodemailer.createTransport({ url, requireTLS: !secure, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }),
    };
  }
  return cached.transport;
}

export function mailEnabled(): boolean {
  return !!getConfig().SMTP_URL;
}

/** Sends one message to the addresses of `to` (the admins of one tenant, who may see each other); throws what the SMTP server answered. */
export async function sendMail(mail: Mail): Promise<void> {
  const { SMTP_URL, MAIL_FROM } = getConfig();
  if (!SMTP_URL || !MAIL_FROM) throw new Error('Email is off: SMTP_URL and MAIL_FROM are not set');
  await transport(SMTP_URL).sendMail({ from: MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
}

/** Closes the pooled connection (shutdown, tests). */
export function closeMailer(): void {
  cached?.transport.close();
  cached = null;
}
