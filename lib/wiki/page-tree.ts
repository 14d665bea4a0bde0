// The wiki's pages as a tree, for the index and the editor's parent picker.

export interface TreeRow {
  id: string;
  slug: string;
  title: string;
  parentId: string | null;
}

export interface TreeNode {
  slug: string;
  title: string;
  children: TreeNode[];
}

/** Nests rows under their parents, titles in order; a row whose parent is not among them sits at the top. */
export function buildTree(rows: readonly TreeRow[]): TreeNode[] {
  const nodes = new Map(rows.map((row) => [row.id, { slug: row.slug, title: row.title, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const row of [...rows].sort((a, b) => a.title.localeCompare(b.title))) {
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(row.id)!);
  }
  return roots;
}

/** Depth-first: each page with how deep it sits, for an indented list of options. */
export function flattenTree(nodes: readonly TreeNode[], depth = 0): { slug: string; title: string; depth: number }[] {
  return nodes.flatMap((node) => [{ slug: node.slug, title: node.title, depth }, ...flattenTree(node.children, depth + 1)]);
}

/** The tree without the page at `slug` and everything under it: the places that page may move to. */
export function withoutSubtree(nodes: readonly TreeNode[], slug: string): TreeNode[] {
  return nodes.filter((node) => node.slug !== slug).map((node) => ({ ...node, children: withoutSubtree(node.children, slug) }));
}
