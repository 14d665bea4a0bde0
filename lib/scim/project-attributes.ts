// `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5, §3.9) on a resource
// already shaped for the response. id, schemas and meta are always returned.

const ALWAYS = new Set(['id', 'schemas', 'meta']);

function splitPath(path: string, urns: readonly string[]): { container: string | null; name: string; sub: string | null } {
  const urn = urns.find((u) => path.toLowerCase().startsWith(`${u.toLowerCase()}:`));
  const rest = urn ? path.slice(urn.length + 1) : path;
  const [name, sub] = rest.split('.');
  return { container: urn ?? null, name, sub: sub ?? null };
}

function keyOf(object: Record<string, unknown>, name: string): string | undefined {
  return Object.keys(object).find((k) => k.toLowerCase() === name.toLowerCase());
}

export function projectAttributes(
  resource: Record<string, unknown>,
  attributes: readonly string[],
  excluded: readonly string[],
  urns: readonly string[],
): Record<string, unknown> {
  if (attributes.length === 0 && excluded.length === 0) return resource;
  if (attributes.length > 0) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(resource)) if (ALWAYS.has(key)) out[key] = resource[key];
    for (const path of attributes) {
      const { container, name, sub } = splitPath(path, urns);
      if (!container && urns.some((u) => u.toLowerCase() === name.toLowerCase())) {
        const key = keyOf(resource, name);
        if (key) out[key] = resource[key];
        continue;
      }
      const source = container ? (resource[keyOf(resource, container) ?? ''] as Record<string, unknown> | undefined) : resource;
      const key = source ? keyOf(source, name) : undefined;
      if (!source || !key) continue;
      const target = container ? ((out[container] as Record<string, unknown>) ??= {}) : out;
      const value = source[key];
      if (sub && value && typeof value === 'object') {
        const pick = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => k.toLowerCase() === sub.toLowerCase()));
        target[key] = Array.isArray(value) ? value.map(pick) : { ...((target[key] as object) ?? {}), ...pick(value as Record<string, unknown>) };
      } else {
        target[key] = value;
      }
    }
    return out;
  }
  const out = structuredClone(resource);
  for (const path of excluded) {
    const { container, name, sub } = splitPath(path, urns);
    const source = container ? (out[keyOf(out, container) ?? ''] as Record<string, unknown> | undefined) : out;
    const key = source ? keyOf(source, name) : undefined;
    if (!source || !key || ALWAYS.has(key)) continue;
    if (sub && source[key] && typeof source[key] === 'object') {
      const drop = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k]) => k.toLowerCase() !== sub.toLowerCase()));
      source[key] = Array.isArray(source[key]) ? (source[key] as Record<string, unknown>[]).map(drop) : drop(source[key] as Record<string, unknown>);
    } else {
      delete source[key];
    }
  }
  return out;
}
