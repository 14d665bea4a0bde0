import { describe, expect, it } from 'vitest';
import { whileLocked } from '../../lib/db';
import { withTestDatabase } from '../support/database';

// The lock that keeps one photo sync of a tenant at a time across instances (lib/photos/photo-jobs.ts).

withTestDatabase();

describe('whileLocked', () => {
  it('runs the work of one holder at a time, and lets go when it ends or throws', async () => {
    let release!: () => void;
    const first = whileLocked('tenant-a', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await whileLocked('tenant-a', async () => 'second')).toBeNull();
    expect(await whileLocked('tenant-b', async () => 'other key')).toBe('other key');
    release();
    expect(await first).toBe('first');
    await expect(whileLocked('tenant-a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await whileLocked('tenant-a', async () => 'after')).toBe('after');
  });
});
