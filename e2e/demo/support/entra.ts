import { randomUUID } from 'node:crypto';
import { stripVTControlCharacters } from 'node:util';
import { httpRequest, type HttpResponse } from '../../support/http';

// What Microsoft Entra ID sends to the Tenant URL, over real HTTP. Node cannot
// resolve *.localhost, so requests go to 127.0.0.1 on the URL's port with the
// URL's host in the Host header, as a load balancer would pass it on.

export class EntraConnection {
  /** Every answer this client got, to assert at the end that none was a 5xx. */
  readonly answers: { request: string; status: number }[] = [];
  private readonly url: URL;

  constructor(tenantUrl: string) {
    this.url = new URL(tenantUrl);
  }

  /** Entra's Test Connection: a lookup of a user name no one has, with the Secret Token. */
  async testConnection(token: string): Promise<HttpResponse> {
    const filter = encodeURIComponent(`userName eq "${randomUUID()}"`);
    const path = `${this.url.pathname.replace(/\/+$/, '')}/Users?filter=${filter}`;
    const response = await httpRequest({
      port: Number(this.url.port || 80),
      host: this.url.host,
      path,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/scim+json' },
    });
    this.answers.push({ request: `GET ${path}`, status: response.status });
    return response;
  }

  serverErrors(): string[] {
    return this.answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.request}`);
  }
}

export interface SimulatedPhase {
  phase: string;
  requests: number;
  serverErrors: number;
  failed: number;
}

/**
 * The phases table `simulate:entra` prints (tools/cli/simulate-entra.ts):
 * phase, requests, req/s, p50 ms, p99 ms, retries, 5xx, errors, seconds, in
 * columns two or more spaces apart. A 5xx that a retry papered over still
 * counts in its 5xx column.
 */
export function simulatedPhases(output: string): SimulatedPhase[] {
  const lines = stripVTControlCharacters(output).split(/\r?\n/);
  const head = lines.findIndex((line) => /^phase\s{2,}requests\s/.test(line));
  if (head < 0) return [];
  const phases: SimulatedPhase[] = [];
  for (const line of lines.slice(head + 1)) {
    const cells = line.trim().split(/\s{2,}/);
    if (cells.length !== 9) break;
    const number = (cell: string) => Number(cell.replace(/,/g, ''));
    phases.push({ phase: cells[0], requests: number(cells[1]), serverErrors: number(cells[6]), failed: number(cells[7]) });
  }
  return phases;
}
