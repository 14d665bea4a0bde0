import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chownSync, mkdirSync } from 'node:fs';
import path from 'node:path';

// PostgreSQL refuses to run as root ("root execution of the PostgreSQL server
// is not permitted"). When we are root (containers, CI), the embedded server
// runs as the system's `postgres` user, or `nobody` where there is none, and
// its data folder belongs to that user.

export interface ServiceUser {
  uid: number;
  gid: number;
  name: string;
}

function lookUp(name: string): ServiceUser | null {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid, name } : null;
  } catch {
    return null;
  }
}

/** Null when this process may run PostgreSQL itself. */
export function serviceUser(): ServiceUser | null {
  if (process.getuid?.() !== 0) return null;
  const user = lookUp('postgres') ?? lookUp('nobody');
  if (!user) throw new Error('Running as root, and neither a `postgres` nor a `nobody` user exists to run the embedded PostgreSQL as.');
  return user;
}

function canUse(user: ServiceUser, dir: string): boolean {
  const probe = spawnSync('test', ['-w', dir, '-a', '-x', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return probe.status === 0;
}

/**
 * Makes `dataDir` for the server and says where the data really lives. As
 * root, a folder the service user cannot reach (a checkout under /root, whose
 * mode is 700) moves to /var/lib/theorgwiki, under a name derived from the
 * requested path, so the same checkout finds its data again.
 */
export function prepareDataDir(dataDir: string, user: ServiceUser | null): string {
  // Only the data folder itself is private: PostgreSQL insists, and its parents must stay passable.
  mkdirSync(path.dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (!user) return dataDir;
  chownSync(dataDir, user.uid, user.gid);
  if (canUse(user, dataDir)) return dataDir;
  const home = '/var/lib/theorgwiki';
  mkdirSync(home, { recursive: true, mode: 0o755 });
  const moved = path.join(home, createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(moved, { mode: 0o700, recursive: true });
  chownSync(moved, user.uid, user.gid);
  if (!canUse(user, moved)) throw new Error(`The embedded PostgreSQL (run as ${user.name}) can use neither ${dataDir} nor ${moved}.`);
  return moved;
}
