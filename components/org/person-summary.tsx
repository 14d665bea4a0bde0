import { Avatar } from '@/components/directory/avatar';
import { Link } from '@/components/ui/link';
import type { OrgNode } from '@/lib/org/org-node';

export const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The lines a card writes under a person's name, in the page's views and in the downloads (chart-export.ts); null where there is nothing to say. */
export function summaryLines(person: OrgNode): { title: string | null; detail: string | null; counts: string | null } {
  return {
    title: person.title,
    // A card holds four lines: the note takes the department's place.
    detail: person.managerNotInDirectory ? 'Manager not in the directory yet' : person.department,
    counts:
      person.directReports > 0
        ? `${plural(person.directReports, 'direct report', 'direct reports')} · ${person.everyoneUnder.toLocaleString('en')} in all`
        : null,
  };
}

/** What a card says of a person, in both views of the chart: photo, name, title and department, and how many report to them. */
export function PersonSummary({ person }: { person: OrgNode }) {
  const { title, detail, counts } = summaryLines(person);
  return (
    <>
      <Avatar name={person.name} photoKey={person.photoKey} size="md" />
      <div className="min-w-0 text-sm">
        <Link href={person.href} variant="subtle" className="block truncate font-medium">
          {person.name}
        </Link>
        {title ? <p className="truncate text-xs text-slate-700">{title}</p> : null}
        {detail ? <p className="truncate text-xs text-slate-600">{detail}</p> : null}
        {counts ? (
          <p className="truncate text-xs text-slate-600" data-counts>
            {counts}
          </p>
        ) : null}
      </div>
    </>
  );
}
