import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../lib/security/client-address';

describe('the client address', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For claims', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', 0)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:203.0.113.7', undefined, 0)).toBe('203.0.113.7');
  });

  it('is the entry a trusted proxy appended, not one the client wrote before it', () => {
    // The client forged 1.2.3.4; nginx (the socket) appended the address it heard from.
    expect(clientAddress('10.0.0.2', '1.2.3.4, 203.0.113.7', 1)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.3', '1.2.3.4, 203.0.113.7, 10.0.0.2', 2)).toBe('203.0.113.7');
  });

  it('is the leftmost address when the chain is shorter than the trusted hops', () => {
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.7', 3)).toBe('203.0.113.7');
  });
});
