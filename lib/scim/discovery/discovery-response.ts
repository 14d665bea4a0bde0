import { scimNotFound } from '../errors';
import { scimJson, type ScimReply } from '../http';
import { listResponse } from '../list-response';

/** GET /ResourceTypes[/name] and /Schemas[/id]: the whole list, or the one named (404 when unknown). */
export function discoveryResponse<T>(all: T[], name: string | undefined, find: (name: string) => T | null, what: string): ScimReply {
  if (!name) return scimJson(listResponse(all, all.length, 1));
  const found = find(name);
  if (!found) throw scimNotFound(`No ${what} named ${JSON.stringify(name)}.`);
  return scimJson(found);
}
