import type { LocalCertificate } from '../dev-idp/certificate';
import { startMailServer, type MailServer } from './mail-server';

/** The demo's mail: SMTP on the app's port + 3, its inbox page on + 4 (the identity provider has + 1 and + 2). */
export const mailPorts = (appPort: number) => ({ smtp: appPort + 3, inbox: appPort + 4 });

/** Starts the local mail server for `npm run demo`, and the settings that send the app's mail to it. */
export async function launchMailCatcher(
  rootDomain: string,
  appPort: number,
  local: LocalCertificate,
): Promise<{ mail: MailServer; env: Record<string, string> }> {
  const sender = `alerts@${rootDomain.split(':')[0]}`;
  const ports = mailPorts(appPort);
  const mail = await startMailServer({ port: ports.smtp, httpPort: ports.inbox, tls: local.tls, sender });
  return { mail, env: { SMTP_URL: mail.smtpUrl, MAIL_FROM: `TheOrgWiki <${sender}>` } };
}
