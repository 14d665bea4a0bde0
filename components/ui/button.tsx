import type { ComponentProps } from 'react';

// The product's buttons, in one place. Colours come from the theme's tokens
// (app/globals.css turns the palette around in dark mode, and text-on-accent
// with it), so no dark: variant is needed for them to pass axe's contrast check.

const BASE =
  'inline-flex items-center justify-center gap-2 text-center font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60';

const VARIANTS = {
  primary: 'bg-indigo-600 text-on-accent hover:bg-indigo-700',
  secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
  /** The first step of a destructive action: red words on white, so it does not outshine the page's primary button. */
  danger: 'border border-red-300 bg-white text-red-700 hover:bg-red-50',
  /** The confirming step of a destructive action, once it has been explained. */
  'danger-solid': 'bg-red-700 text-on-accent hover:bg-red-800',
  ghost: 'text-slate-700 hover:bg-slate-100',
} as const;

// The radius goes with the size: utilities for the same property cannot be overridden by a later class.
const SIZES = {
  xs: 'rounded-md px-2 py-1 text-xs',
  sm: 'rounded-md px-3 py-1.5 text-sm',
  md: 'rounded-md px-4 py-2',
  lg: 'rounded-lg px-5 py-3',
} as const;

type Variant = keyof typeof VARIANTS;
type Size = keyof typeof SIZES;

/**
 * The classes of a button, for what must look like one without being a
 * <Button>: a link (Link's variant="button" uses this), or a control whose
 * element is fixed elsewhere. `extra` is for layout (margins, width), not
 * for colours or padding, which the variant and size own.
 */
export function buttonClass(variant: Variant = 'primary', size: Size = 'md', extra?: string): string {
  return [BASE, VARIANTS[variant], SIZES[size], extra].filter(Boolean).join(' ');
}

type ButtonProps = ComponentProps<'button'> & { variant?: Variant; size?: Size };

/**
 * A <button> in the product's style. type defaults to "button", not the
 * browser's "submit": a button that submits its form says so (type="submit").
 */
export function Button({ variant = 'primary', size = 'md', className, type = 'button', ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, size, className)} {...props} />;
}
