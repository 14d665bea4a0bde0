import { describe, expect, it } from 'vitest';
import { metricsAccess } from '../../lib/ops/metrics-access';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';

describe('metricsAccess', () => {
  it('has no endpoint without METRICS_TOKEN, whatever is presented', () => {
    expect(metricsAccess(undefined, undefined)).toBe('no-endpoint');
    expect(metricsAccess(`Bearer ${TOKEN}`, undefined)).toBe('no-endpoint');
  });

  it('grants the bearer of the token and refuses everyone else', () => {
    expect(metricsAccess(`Bearer ${TOKEN}`, TOKEN)).toBe('granted');
    expect(metricsAccess(`bearer ${TOKEN}`, TOKEN)).toBe('granted');
    for (const presented of [undefined, '', 'Bearer', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`]) {
      expect(metricsAccess(presented, TOKEN), String(presented)).toBe('refused');
    }
  });
});
