import fs from 'node:fs';
import http from 'node:http';
import { SCIM_BASE_PATH } from '../../lib/tenancy/routing';
import type { BenchSite } from './bench-harness';

// The memory an oversize SCIM body costs the server: connections upload
// 16 MiB bodies without a Content-Length, back to back, while the server's
// resident memory is sampled. The server keeps one byte past the 1 MiB limit
// of each and drains the rest (lib/server/scim-bridge.ts), so the peak should
// grow with the number of connections, not with the size of the bodies.

const CHUNK = Buffer.alloc(64 * 1024, 'x');
const CHUNKS_PER_BODY = 256; // 16 MiB

/** Resident memory of a process, in MiB (Linux's /proc). */
function residentMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

/** One chunked 16 MiB POST; resolves with the status once the answer has been read. */
function upload(site: BenchSite, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: site.port, method: 'POST', path: `${SCIM_BASE_PATH}/Users`, headers: { ...headers, 'Transfer-Encoding': 'chunked' } },
      (response) => {
        response.resume().on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    let written = 0;
    const writeMore = () => {
      while (written < CHUNKS_PER_BODY) {
        written++;
        if (!request.write(CHUNK)) return void request.once('drain', writeMore);
      }
      request.end();
    };
    writeMore();
  });
}

export interface OversizeFigures {
  requests: number;
  mibPerSecond: number;
  statuses: Record<string, number>;
  residentBeforeMiB: number;
  residentPeakMiB: number;
}

export async function measureOversizeBodies(site: BenchSite, headers: Record<string, string>, seconds: number, connections: number): Promise<OversizeFigures> {
  const residentBeforeMiB = residentMiB(site.pid);
  let residentPeakMiB = residentBeforeMiB;
  const sampler = setInterval(() => (residentPeakMiB = Math.max(residentPeakMiB, residentMiB(site.pid))), 20);
  const statuses: Record<string, number> = {};
  let requests = 0;
  const started = performance.now();
  const until = started + seconds * 1_000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const status = await upload(site, headers);
        statuses[status] = (statuses[status] ?? 0) + 1;
        requests++;
      }
    }),
  );
  clearInterval(sampler);
  const elapsed = (performance.now() - started) / 1_000;
  return { requests, mibPerSecond: (requests * CHUNKS_PER_BODY * CHUNK.length) / 2 ** 20 / elapsed, statuses, residentBeforeMiB, residentPeakMiB };
}
