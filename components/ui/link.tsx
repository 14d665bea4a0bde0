import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { buttonClass } from './button';

// Links in the product's style. Inside the site they go through next/link, so
// moving between pages keeps the header and fetches only what changed. Some
// addresses must be a plain <a> and a full page load (`reload`, or any href
// that is not a path of this site):
//   - route handlers, not pages: /auth/start, /auth/continue, /logout,
//     /admin/provisioning/export (a CSV download), /api/...: next/link would
//     fetch them as a page, and might prefetch them (a GET with side effects);
//   - /signup, which may hand a signed-in person on to their company's host;
//   - other origins (the apex from a tenant's 404, Microsoft's sign-out and
//     consent pages), mailto: and tel:;
//   - links that leave a <dialog> of the persistent header (the search box's
//     "All results"): a client-side move would leave the dialog open.

const VARIANTS = {
  /** In a sentence: underlined, so it is told apart by more than colour (axe's link-in-text-block). */
  inline: 'text-indigo-700 underline',
  /** Standing alone (a list of names or pages): underlined on hover only. Never inside a sentence. */
  subtle: 'text-indigo-700 hover:underline',
  /** No style of its own: the className says it all (navigation bars, menus, cards). */
  plain: '',
} as const;

type ButtonLook = Parameters<typeof buttonClass>;

type LinkProps = Omit<ComponentProps<'a'>, 'href'> & {
  href: string;
  /** A plain <a> and a full page load (see above). */
  reload?: boolean;
  /**
   * Off unless asked for (true, or null for Next's own default): every tenant page renders per
   * request, so a list of 50 names in view would cost the server 50 renders nobody asked for.
   */
  prefetch?: boolean | null;
  replace?: boolean;
  scroll?: boolean;
} & ({ variant?: keyof typeof VARIANTS; tone?: never; size?: never } | { variant: 'button'; tone?: ButtonLook[0]; size?: ButtonLook[1] });

/** A path of this site (not "//host", which is another origin), or only a query or fragment of the current page. */
const isSitePath = (href: string) => /^(\/(?!\/)|\?|#)/.test(href);

export function Link({ href, reload = false, prefetch = false, replace, scroll, variant = 'inline', tone, size, className, ...props }: LinkProps) {
  const look = variant === 'button' ? buttonClass(tone, size, className) : [VARIANTS[variant], className].filter(Boolean).join(' ') || undefined;
  if (reload || !isSitePath(href)) return <a href={href} className={look} {...props} />;
  return <NextLink href={href} prefetch={prefetch} replace={replace} scroll={scroll} className={look} {...props} />;
}
