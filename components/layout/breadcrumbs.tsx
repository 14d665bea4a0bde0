import { Link } from '@/components/ui/link';

/** The way back up: links from the top, then (without a link) where you are, if given. */
export function Breadcrumbs({ trail, current, label = 'Breadcrumb' }: { trail: { href: string; label: string }[]; current?: string; label?: string }) {
  return (
    <nav aria-label={label} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        {trail.map((step, i) => (
          <li key={step.href} className={i < trail.length - 1 || current ? "after:ml-1 after:content-['›']" : undefined}>
            <Link href={step.href}>{step.label}</Link>
          </li>
        ))}
        {current ? <li aria-current="page">{current}</li> : null}
      </ol>
    </nav>
  );
}
