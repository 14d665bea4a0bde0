import http from 'node:http';

// Plain HTTP over real sockets. Node's resolver does not know *.localhost, so
// it connects to 127.0.0.1 and names the site in the Host header, as a load
// balancer would pass it on. One connection per request (no agent), so that
// nothing is kept alive between steps of a test.

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON
  json: any;
}

export function httpRequest(options: {
  port: number;
  /** The Host header, e.g. acme.localhost:3100. */
  host: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<HttpResponse> {
  const headers: Record<string, string> = {
    Host: options.host,
    ...(options.body !== undefined ? { 'Content-Length': String(Buffer.byteLength(options.body)) } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: options.port, agent: false, method: options.method ?? 'GET', path: options.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text, json });
        });
      },
    );
    request.on('error', reject);
    if (options.body !== undefined) request.write(options.body);
    request.end();
  });
}
