import { format, stripVTControlCharacters } from 'node:util';
import { log } from '../log/log';

// Our code logs through `log`; Next.js and other libraries write to the console
// (Next's start-up notes, the error of a page that threw). Routed through the
// logger, their lines become JSON too, with the request's id, so that stdout
// holds nothing a log collector cannot parse. The HTTP server only: command-line
// tools print for people.

const LEVELS = { debug: 'debug', info: 'info', log: 'info', warn: 'warn', error: 'error' } as const;

export function routeConsoleToLog(): void {
  for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, (typeof LEVELS)[keyof typeof LEVELS]][]) {
    console[method] = (...args: unknown[]) => {
      const err = args.find((arg) => arg instanceof Error);
      const text = stripVTControlCharacters(format(...args.filter((arg) => arg !== err))).trim();
      if (err) log[level]({ err }, text || err.message);
      else log[level](text);
    };
  }
}
