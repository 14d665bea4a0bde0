import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

// The SMTP server of the demo and the tests: it receives what the app sends
// and shows it (an inbox page, and JSON for tests), so that a newcomer sees the
// alerts and tests assert what was delivered. As strict as a provider's
// submission port (Microsoft 365's smtp.office365.com:587, for one): AUTH only
// after STARTTLS, with the right password; the envelope sender must be the one
// address it may send as, and the From header must say the same; recipients
// must be addresses; a message over 10 MB is refused. Built on smtp-server and
// mailparser (the nodemailer project's own server and parser) rather than a
// catcher such as MailDev, which brings a web stack of its own for one page.

export interface ReceivedMail {
  id: string;
  receivedAt: string;
  /** The envelope: who the server was told it is from and to. */
  envelope: { from: string; to: string[] };
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export interface MailServer {
  /** The SMTP_URL the app sends with (credentials included). */
  smtpUrl: string;
  /** The inbox page and its JSON (`/messages`), when started with an HTTP port. */
  inboxUrl: string | null;
  messages(): ReceivedMail[];
  clear(): void;
  close(): Promise<void>;
}

export interface MailServerOptions {
  /** The SMTP port (0: any free one). */
  port: number;
  /** The inbox's HTTP port; null: none (in-process tests read messages()). */
  httpPort: number | null;
  /** A certificate for "localhost" that the sending process trusts. */
  tls: { key: string; cert: string };
  /** The one address mail may come from, e.g. alerts@theorgwiki.localhost. */
  sender: string;
}

const MAX_BYTES = 10 * 1024 * 1024;
const ADDRESS = /^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$|^[^\s@<>()",;:]+@localhost$/i;

function refusal(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startMailServer(options: MailServerOptions): Promise<MailServer> {
  const user = 'orgwiki';
  const password = randomBytes(18).toString('base64url');
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    key: options.tls.key,
    cert: options.tls.cert,
    // AUTH before STARTTLS is refused (smtp-server's default), as by every public submission server.
    allowInsecureAuth: false,
    authOptional: false,
    authMethods: ['PLAIN', 'LOGIN'],
    size: MAX_BYTES,
    banner: 'TheOrgWiki local mail',
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) return callback(null, { user });
      callback(refusal('5.7.8 Authentication credentials invalid', 535));
    },
    onMailFrom(address: SMTPServerAddress, _session, callback) {
      if (address.address.toLowerCase() !== options.sender.toLowerCase()) {
        return callback(refusal(`5.7.60 Client does not have permissions to send as ${address.address}`, 550));
      }
      callback();
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (!ADDRESS.test(address.address)) return callback(refusal(`5.1.3 Bad recipient address syntax: ${address.address}`, 501));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) return callback(refusal('5.3.4 Message too big', 552));
          const from = mail.from?.value[0]?.address ?? '';
          if (from.toLowerCase() !== options.sender.toLowerCase())
            return callback(refusal(`5.7.60 The From header ${from || '(none)'} is not the sender`, 550));
          const toList = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((t) => t.value.map((v) => v.address ?? ''));
          received.push({
            id: randomUUID(),
            receivedAt: new Date().toISOString(),
            envelope: {
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((r) => r.address),
            },
            from,
            to: toList,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.port, '127.0.0.1', () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;

  let inbox: http.Server | null = null;
  if (options.httpPort !== null) {
    inbox = http.createServer((request, response) => {
      if (request.url === '/messages') {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        return response.end(JSON.stringify(received));
      }
      if (request.url === '/' || request.url === '') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return response.end(inboxPage(received));
      }
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('Not found');
    });
    await new Promise<void>((resolve, reject) => {
      inbox!.once('error', reject);
      inbox!.listen(options.httpPort!, '127.0.0.1', () => resolve());
    });
  }
  const httpPort = inbox ? (inbox.address() as AddressInfo).port : null;
  return {
    smtpUrl: `smtp://${user}:${password}@localhost:${smtpPort}`,
    inboxUrl: httpPort ? `http://localhost:${httpPort}/` : null,
    messages: () => [...received],
    clear: () => void received.splice(0),
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      if (inbox) await new Promise<void>((resolve) => inbox!.close(() => resolve()));
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The newest first, each with its text; plain HTML, no script. */
function inboxPage(messages: ReceivedMail[]): string {
  const items = [...messages]
    .reverse()
    .map(
      (m) =>
        `<article><h2>${escape(m.subject)}</h2><p class="meta">To ${escape(m.to.join(', '))} · ${escape(m.receivedAt.replace('T', ' ').slice(0, 19))} UTC</p><pre>${escape(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Local mail (${messages.length})</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#0f172a}article{border:1px solid #cbd5e1;border-radius:8px;padding:1rem;margin:1rem 0}h2{font-size:1.05rem;margin:0}.meta{color:#475569;margin:.25rem 0 .75rem}pre{white-space:pre-wrap;font:inherit;margin:0}</style></head>
<body><h1>Local mail</h1><p>What TheOrgWiki sent while the demo runs (nothing leaves this machine). Reload to see new mail.</p>${items || '<p>No mail yet.</p>'}</body></html>`;
}
