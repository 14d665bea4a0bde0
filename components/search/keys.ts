// The site's keyboard shortcuts: one list, read by the handler and by the "?" help.

export const SHORTCUTS = [
  { keys: ['Ctrl', 'K'], does: 'Search people, teams and pages' },
  { keys: ['/'], does: 'Search' },
  { keys: ['g', 'h'], does: 'Go home' },
  { keys: ['g', 'p'], does: 'Go to People' },
  { keys: ['g', 'o'], does: 'Go to the org chart' },
  { keys: ['g', 't'], does: 'Go to Teams' },
  { keys: ['g', 'w'], does: 'Go to the wiki' },
  { keys: ['?'], does: 'Show these shortcuts' },
] as const;

/** Where "g" followed by a letter goes. */
export const GO_TO: Record<string, string> = { h: '/', p: '/people', o: '/org', t: '/teams', w: '/wiki' };

/** True while the person types into a field, where keys are text, not shortcuts. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  return !!target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}
