import { Writable } from 'node:stream';
import { createLogger } from '../../lib/log/log';

/** A logger writing into an array, one parsed JSON object per line. */
export function captureLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { log: createLogger('info', stream), text: () => lines.join('\n'), entries: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}
