import { describe, expect, it } from 'vitest';
import { errorLines } from '../../e2e/support/server-log';

// What the tests' servers write, copied from real runs (the shared server's
// log, Node 20, Next 16's logger, nginx 1.22), and which of it is an error.

const lines = (...text: string[]) => text.join('\n');

describe('errorLines', () => {
  it('takes JSON lines at error or fatal, by label or by pino number, whatever they say', () => {
    const authJs =
      '{"level":"error","time":"2026-12-06T05:14:45.616Z","pid":17948,"hostname":"vm","requestId":"3b9b77c4-c744-412d-ad2f-c5ad6d0b5367","msg":"[auth][error] CallbackRouteError: Read more at https://errors.authjs.dev#callbackrouteerror"}';
    const fatal = '{"level":"fatal","time":"2026-12-06T05:20:00.000Z","pid":17948,"hostname":"vm","msg":"uncaught exception"}';
    const numeric = '{"level":50,"time":1796534569867,"pid":28306,"hostname":"vm","msg":"numeric level"}';
    const output = lines(
      '{"level":"info","time":"2026-12-06T05:12:21.634Z","pid":17157,"hostname":"vm","port":3500,"msg":"listening"}',
      authJs,
      // A 500 in an access line is an answer, logged at info; the error that caused it has its own line.
      '{"level":"info","time":"2026-12-06T05:12:22.030Z","pid":17157,"hostname":"vm","requestId":"407bf1e1","method":"GET","path":"/","status":500,"durationMs":391.6,"msg":"request"}',
      '{"level":"warn","time":"2026-12-06T05:12:22.030Z","pid":17157,"hostname":"vm","msg":"Error: the word alone makes no error"}',
      numeric,
      '{"level":40,"time":1796534569876,"pid":28306,"hostname":"vm","msg":"a warn"}',
      fatal,
    );
    expect(errorLines(output)).toEqual([authJs, numeric, fatal]);
  });

  it('leaves out start-up notes, banners and warnings', () => {
    const output = lines(
      'migrate: applying 20261129000000_init',
      'Seeded the demo tenant acme with 200 people.',
      '',
      'TheOrgWiki (start, PostgreSQL at DATABASE_URL)',
      '  Landing page and sign-up:  http://localhost:3500/',
      '▲ Ready in 1s',
      '⚠ a warning',
      '(node:28080) DeprecationWarning: Calling client.query() when the client is already executing a query is deprecated and will be removed in pg@9.0. Use async/await or an external async flow control mechanism instead.',
      '(Use `node --trace-deprecation ...` to show where the warning was created)',
      '(node:28299) [DEP0040] DeprecationWarning: punycode is deprecated',
      'Error rate: 0 errors in 2400 requests',
    );
    expect(errorLines(output)).toEqual([]);
  });

  it("takes an uncaught error as Node prints it as one line, its message's, not its code frame, stack, properties or cause", () => {
    const output = lines(
      '[eval]:1',
      "setTimeout(()=>{ const e = new TypeError('x is not a function'); e.code='E_X'; e.cause = new Error('inner'); throw e; })",
      '                                                                                                             ^',
      '',
      'TypeError: x is not a function',
      '    at Timeout._onTimeout ([eval]:1:28)',
      '    at listOnTimeout (node:internal/timers:581:17)',
      '    at process.processTimers (node:internal/timers:519:7) {',
      "  code: 'E_X',",
      '  cause: Error: inner',
      '      at Timeout._onTimeout ([eval]:1:90)',
      '      at listOnTimeout (node:internal/timers:581:17)',
      '      at process.processTimers (node:internal/timers:519:7)',
      '}',
      '',
      'Node.js v20.20.2',
    );
    expect(errorLines(output)).toEqual(['TypeError: x is not a function']);
  });

  it('takes an unhandled rejection, of an error or of anything else', () => {
    const ofError = lines(
      '[eval]:1',
      "Promise.reject(new Error('boom'))",
      '               ^',
      '',
      'Error: boom',
      '    at [eval]:1:16',
      '    at node:internal/main/eval_string:51:3',
      '',
      'Node.js v20.20.2',
    );
    expect(errorLines(ofError)).toEqual(['Error: boom']);
    const reason =
      'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "x".';
    const ofString = lines(
      'node:internal/process/promises:389',
      '      new UnhandledPromiseRejection(reason);',
      '      ^',
      '',
      reason,
      '    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {',
      "  code: 'ERR_UNHANDLED_REJECTION'",
      '}',
    );
    expect(errorLines(ofString)).toEqual([reason]);
  });

  it("takes Next's ⨯ lines, with colour codes or without", () => {
    const output = lines(
      '\u001b[31m⨯\u001b[39m Error: page boom',
      '    at [eval]:1:56',
      '    at runScriptInThisContext (node:internal/vm:209:10)',
      '⚠ a warning',
      ' ⨯ Failed to start server',
    );
    expect(errorLines(output)).toEqual(['⨯ Error: page boom', ' ⨯ Failed to start server']);
  });

  it('takes the line before a stack trace, whatever it says, and a trace without one', () => {
    const output = lines(
      'Could not seed the demo tenant: connect ECONNREFUSED 127.0.0.1:5432',
      '    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1611:16)',
      '{"level":"info","time":"2026-12-06T05:12:22.030Z","pid":1,"hostname":"vm","msg":"request"}',
      '    at async Promise.all (index 0)',
    );
    expect(errorLines(output)).toEqual(['Could not seed the demo tenant: connect ECONNREFUSED 127.0.0.1:5432', '    at async Promise.all (index 0)']);
  });

  it("takes nginx's error log at error and above, not its warnings", () => {
    const refused =
      '2026/12/06 05:49:47 [error] 27798#27798: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3598/", host: "127.0.0.1:3597"';
    expect(errorLines(lines('2026/12/06 05:49:46 [warn] 27797#27797: conflicting server name "a" on 127.0.0.1:3597, ignored', refused))).toEqual([refused]);
  });
});
