import http from 'node:http';

// The simulator's HTTP side: what Entra's provisioning service does on the
// wire. Keep-alive connections, at most `concurrency` in flight, an optional
// request rate, and Entra's manners when the server pushes back: 429 and 503
// wait for Retry-After, other 5xx and dropped connections back off
// exponentially. Every answer is counted by status, retries included, so that
// a 500 papered over by a retry still shows in the figures.

export interface SessionOptions {
  /** Where to connect, e.g. http://127.0.0.1:3000. */
  origin: string;
  /** The tenant's Host header, e.g. acme.localhost:3000. */
  host: string;
  basePath: string;
  token: string;
  concurrency: number;
  /** Requests per second across all workers; unlimited when absent. */
  rate?: number;
  /** How long one request may keep retrying before it counts as failed. */
  retryForMs?: number;
}

export interface ScimAnswer {
  status: number;
  body: Record<string, unknown> | null;
}

export interface SessionStats {
  requests: number;
  retries: number;
  /** Requests that failed for good: a 4xx the caller did not expect, or retries exhausted. */
  errors: number;
  byStatus: Map<string, number>;
  latencies: number[];
  /** The slowest single attempt, to show that nothing hung during an outage. */
  slowestMs: number;
  firstErrors: string[];
}

const REQUEST_TIMEOUT_MS = 30_000;

const newStats = (): SessionStats => ({ requests: 0, retries: 0, errors: 0, byStatus: new Map(), latencies: [], slowestMs: 0, firstErrors: [] });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ScimSession {
  stats = newStats();
  private readonly agent: http.Agent;
  private readonly target: URL;
  private nextSlot = 0;

  constructor(private readonly options: SessionOptions) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
    this.target = new URL(options.origin);
  }

  /** Starts counting a new phase; returns the finished phase's figures. */
  takeStats(): SessionStats {
    const done = this.stats;
    this.stats = newStats();
    return done;
  }

  close(): void {
    this.agent.destroy();
  }

  /**
   * One SCIM request, retried as Entra would. Statuses in `expected` (besides
   * 2xx) are answers the caller handles; any other final status counts as an error.
   */
  async send(method: string, path: string, body?: unknown, expected: number[] = []): Promise<ScimAnswer> {
    const started = Date.now();
    const payload = body === undefined ? undefined : JSON.stringify(body);
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      const answer = await this.attempt(method, path, payload);
      const status = 'status' in answer ? answer.status : 0;
      const retryable = 'error' in answer || status === 429 || status >= 500;
      const giveUp = Date.now() - started > (this.options.retryForMs ?? 120_000);
      if (retryable && !giveUp) {
        this.stats.retries++;
        const after = 'retryAfter' in answer && answer.retryAfter !== null ? answer.retryAfter * 1000 : Math.min(8_000, 250 * 2 ** (attempt - 1));
        await sleep(after * (0.75 + Math.random() / 2));
        continue;
      }
      this.stats.requests++;
      if ('error' in answer) return this.failed(`${method} ${path}: ${answer.error}`, { status: 0, body: null });
      const ok = (status >= 200 && status < 300) || expected.includes(status);
      return ok ? answer : this.failed(`${method} ${path}: ${status} ${JSON.stringify(answer.body)?.slice(0, 300)}`, answer);
    }
  }

  private failed(message: string, answer: ScimAnswer): ScimAnswer {
    this.stats.errors++;
    if (this.stats.firstErrors.length < 10) this.stats.firstErrors.push(message);
    return answer;
  }

  /** Waits for the next free slot when a request rate is set. */
  private async pace(): Promise<void> {
    if (!this.options.rate) return;
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.options.rate;
    if (slot > now) await sleep(slot - now);
  }

  private attempt(method: string, path: string, payload: string | undefined): Promise<(ScimAnswer & { retryAfter: number | null }) | { error: string }> {
    const started = performance.now();
    const record = (status: string) => {
      const ms = performance.now() - started;
      this.stats.latencies.push(ms);
      this.stats.slowestMs = Math.max(this.stats.slowestMs, ms);
      this.stats.byStatus.set(status, (this.stats.byStatus.get(status) ?? 0) + 1);
    };
    return new Promise((resolve) => {
      const request = http.request(
        {
          agent: this.agent,
          hostname: this.target.hostname,
          port: this.target.port,
          method,
          path: this.options.basePath + path,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            Host: this.options.host,
            Authorization: `Bearer ${this.options.token}`,
            Accept: 'application/scim+json',
            ...(payload === undefined ? {} : { 'Content-Type': 'application/scim+json', 'Content-Length': Buffer.byteLength(payload) }),
          },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
          response.on('error', (error) => (record('network'), resolve({ error: error.message })));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            record(String(status));
            let parsed: Record<string, unknown> | null = null;
            try {
              parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
            } catch {
              parsed = { unparsed: text.slice(0, 200) };
            }
            const retryAfter = Number(response.headers['retry-after']);
            resolve({ status, body: parsed, retryAfter: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null });
          });
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      request.on('error', (error) => (record('network'), resolve({ error: error.message })));
      request.end(payload);
    });
  }
}

/** Runs `work` on every item with at most `concurrency` running at once. */
export async function forEachConcurrent<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
