import { Link } from '@/components/ui/link';
import type { TreeNode } from '@/lib/wiki/page-tree';

/** The wiki's pages as nested lists: each page under its parent. */
export function PageTreeList({ nodes, label }: { nodes: TreeNode[]; label?: string }) {
  return (
    <ul aria-label={label} className={label ? 'space-y-1' : 'mt-1 space-y-1 border-l border-slate-200 pl-4'}>
      {nodes.map((node) => (
        <li key={node.slug}>
          <Link href={`/wiki/${node.slug}`} variant="subtle">
            {node.title}
          </Link>
          {node.children.length > 0 ? <PageTreeList nodes={node.children} /> : null}
        </li>
      ))}
    </ul>
  );
}
