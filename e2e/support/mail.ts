import { E2E_PORT } from '../../playwright.config';
import { mailPorts } from '../../tools/dev-mail/launch';
import type { ReceivedMail } from '../../tools/dev-mail/mail-server';

/** What the test server's local mail server has received so far (its inbox's JSON; the server starts it as `npm run demo` does). */
export async function receivedMail(): Promise<ReceivedMail[]> {
  const response = await fetch(`http://127.0.0.1:${mailPorts(E2E_PORT).inbox}/messages`);
  if (!response.ok) throw new Error(`The local mail server answered ${response.status}`);
  return (await response.json()) as ReceivedMail[];
}
