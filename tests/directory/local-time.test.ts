import { describe, expect, it } from 'vitest';
import { localTime } from '../../lib/directory/local-time';

describe('localTime', () => {
  const at = new Date('2026-12-08T13:05:00Z'); // a Tuesday
  it('is the weekday and 24-hour time in the person’s zone, daylight saving included', () => {
    expect(localTime('Europe/Berlin', at)).toBe('Tue 14:05');
    expect(localTime('Asia/Singapore', at)).toBe('Tue 21:05');
    expect(localTime('America/New_York', at)).toBe('Tue 08:05');
    expect(localTime('America/New_York', new Date('2026-07-07T13:05:00Z'))).toBe('Tue 09:05');
  });
  it('is null without a zone, or for one nobody knows (SCIM takes any text)', () => {
    expect(localTime(null, at)).toBeNull();
    expect(localTime('', at)).toBeNull();
    expect(localTime('Mars/Olympus_Mons', at)).toBeNull();
  });
});
