import { SingleBar, Presets } from 'cli-progress';

/** A terminal progress bar for long seeds; silent when output is not a terminal. */
export function progressBar(total: number, label: string) {
  if (!process.stdout.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} ETA {eta}s`, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { update: (value: number) => bar.update(value), stop: () => bar.stop() };
}
