import { describe, expect, it } from 'vitest';
import { requestIdFrom, runInRequest } from '../../lib/log/request-context';
import { captureLog } from '../support/capture-log';

describe('the logger', () => {
  it('writes one JSON object a line with the level by name and an ISO time', () => {
    const { log, entries } = captureLog();
    log.info({ port: 3000 }, 'listening');
    log.debug('below the level');
    expect(entries()).toEqual([expect.objectContaining({ level: 'info', msg: 'listening', port: 3000, time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);
  });

  it('names the request a line is written for, and only within it', async () => {
    const { log, entries } = captureLog();
    await runInRequest({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info('inside');
    });
    log.info('outside');
    expect(entries().map((entry) => [entry.msg, entry.requestId])).toEqual([
      ['inside', 'req-1'],
      ['outside', undefined],
    ]);
  });

  it('censors keys that look like credentials, at the top and where objects carry them', () => {
    const { log, entries } = captureLog();
    log.info(
      {
        authorization: 'Bearer owk_secret1',
        token: 'secret2',
        headers: { Authorization: 'Bearer owk_secret3', cookie: 'session=secret4', 'set-cookie': 'a=secret5' },
        req: { headers: { authorization: 'Bearer owk_secret6' } },
        body: { password: 'secret7', client_secret: 'secret8', name: 'kept' },
        query: { ticket: 'secret9' },
      },
      'careless',
    );
    const text = JSON.stringify(entries()[0]);
    expect(text).not.toMatch(/secret\d/);
    expect(entries()[0]).toMatchObject({ headers: { Authorization: '[redacted]' }, body: { name: 'kept' } });
  });
});

describe('requestIdFrom', () => {
  it('keeps a sane X-Request-Id and replaces anything else with a UUID', () => {
    for (const sane of ['abc-123', '0b8555f3-8d12-475c-a762-f11963d8208a', 'Root=1-67891233:a/b+c=']) expect(requestIdFrom(sane)).toBe(sane);
    const uuid = /^[0-9a-f-]{36}$/;
    for (const insane of [undefined, '', 'two words', 'line\nbreak', '"quoted"', 'x'.repeat(129), ['a', 'b']]) {
      expect(requestIdFrom(insane), JSON.stringify(insane)).toMatch(uuid);
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined));
  });
});
