import { useId, type HTMLAttributes, type ReactNode } from 'react';

// The white, bordered box the pages group things in, and the section that
// puts a heading on one. A section is named by its heading (aria-labelledby),
// so it is a region screen readers list and tests find by that name.

// min-w-0: in a grid or flex row a box is otherwise as wide as its longest unbreakable line
// (a truncated name included), and pushes the page wider than a phone.
const FRAME = 'min-w-0 rounded-lg border border-slate-200 bg-white p-4';
const TONES = {
  default: { frame: FRAME, heading: '' },
  /** Something needs doing (a page whose owner left): amber, and the heading in amber's dark shade. */
  warning: { frame: 'min-w-0 rounded-lg border border-amber-300 bg-amber-50 p-4', heading: 'text-amber-900' },
} as const;

/** A box without a heading. `as="section"` with an aria-label makes it a region (the wiki's "Page text"). */
export function Card({ as: Tag = 'div', className, ...props }: HTMLAttributes<HTMLElement> & { as?: 'div' | 'section' }) {
  return <Tag className={className ? `${FRAME} ${className}` : FRAME} {...props} />;
}

interface SectionProps {
  /** The heading, and so the region's name: keep it the words people (and tests) look for. */
  title: ReactNode;
  children: ReactNode;
  /** Beside the heading, at the right: a link such as "All people". */
  action?: ReactNode;
  /** In a box (the default), or straight on the page under a larger heading (the Admin Console). */
  framed?: boolean;
  tone?: keyof typeof TONES;
  level?: 2 | 3;
  /** The heading's id, when something else points at it; otherwise one is made. */
  id?: string;
  className?: string;
}

export function Section({ title, children, action, framed = true, tone = 'default', level = 2, id, className }: SectionProps) {
  const madeId = useId();
  const headingId = id ?? madeId;
  const Heading = `h${level}` as const;
  const headingClass = framed ? ['font-semibold', TONES[tone].heading].filter(Boolean).join(' ') : 'text-xl font-semibold';
  const frame = framed ? TONES[tone].frame : 'min-w-0';
  return (
    <section aria-labelledby={headingId} className={[frame, className].filter(Boolean).join(' ') || undefined}>
      {action ? (
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-3">
          <Heading id={headingId} className={headingClass}>
            {title}
          </Heading>
          {action}
        </div>
      ) : (
        <Heading id={headingId} className={`mb-2 ${headingClass}`}>
          {title}
        </Heading>
      )}
      {children}
    </section>
  );
}
