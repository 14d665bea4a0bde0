'use client';

import { useEffect, useState } from 'react';
import { localTime } from '@/lib/directory/local-time';

/** "Local time Tue 14:05" for a person's time zone, kept current while the page is open. */
export function LocalTime({ timeZone, initial }: { timeZone: string; initial: string }) {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setNow(localTime(timeZone) ?? initial), 15_000);
    return () => clearInterval(timer);
  }, [timeZone, initial]);
  return (
    <p className="mt-1 text-sm text-slate-700">
      Local time <time suppressHydrationWarning>{now}</time> <span className="text-slate-600">({timeZone.replaceAll('_', ' ')})</span>
    </p>
  );
}
