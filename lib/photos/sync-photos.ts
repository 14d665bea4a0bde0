import { getConfig } from '../config';
import { deferDuePhotos, listDuePhotos, recordPhotoOutcomes, type DuePhoto, type PhotoOutcome } from '../db';
import { GraphThrottled } from '../graph/graph-client';
import { fetchUserPhoto } from '../graph/user-photo';
import { log } from '../log/log';
import { deletePhotoFilesIfUnused } from './remove-photo-files';
import { storePhoto } from './store-photo';

// One round of the photo job for one tenant: every person whose photo is due
// is asked of Graph, a few at a time, and what Graph said is recorded
// (lib/db/photos/person-photos.ts). A new person is due at once; everyone
// again after PHOTO_REFRESH_HOURS, when an unchanged ETag costs no download.

/** People asked of Graph at once: Graph's per-app limits are per directory, and a few requests in flight keep well under them. */
const CONCURRENCY = 4;
const BATCH = 100;
const REQUEST_TIMEOUT_MS = 15_000;
/** A 429 asking for longer than this ends the round; the job runs again later. */
const MAX_THROTTLE_WAIT_MS = 60_000;
/** Without User.Read.All, the directory is asked again this much later (an admin may consent any time; "Sync now" asks at once). */
const PERMISSION_RECHECK_MS = 60 * 60_000;
const MINUTE = 60_000;

export interface SyncFigures {
  checked: number;
  downloaded: number;
  unchanged: number;
  none: number;
  failed: number;
  notPermitted: boolean;
  throttled: number;
  /** Whether people are still due (the round stopped for time, throttling or the server stopping). */
  more: boolean;
}

const after = (ms: number) => new Date(Date.now() + ms);

/** Why a round stops before the people it listed are all asked; the rest stay due. */
type Stop = 'throttled' | 'not_permitted' | 'aborted' | null;

interface Round {
  tenantId: string;
  tid: string;
  figures: SyncFigures;
  signal?: AbortSignal;
  stop: Stop;
  /** Why Graph would not answer, when it refused the whole directory. */
  refusal?: string;
}

/** What Graph says of one person, as the row to record; null when the round stopped before an answer. */
async function syncOne(round: Round, person: DuePhoto): Promise<PhotoOutcome | null> {
  const { figures } = round;
  const kept = { userId: person.userId, listedDueAt: person.dueAt, graphKey: person.graphKey, graphEtag: person.graphEtag, failures: 0, error: null };
  const refreshed = after(getConfig().PHOTO_REFRESH_HOURS * 60 * MINUTE);
  try {
    const answer = await fetchUserPhoto(round.tid, person.entraObjectId ?? person.userName, person.graphKey ? person.graphEtag : null, {
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxWaitMs: MAX_THROTTLE_WAIT_MS,
      onThrottled: () => figures.throttled++,
      signal: round.signal,
    });
    switch (answer.kind) {
      case 'unchanged':
        figures.unchanged++;
        return { ...kept, status: 'synced', dueAt: refreshed };
      case 'photo':
        figures.downloaded++;
        return { ...kept, status: 'synced', graphKey: await storePhoto(round.tenantId, answer.bytes), graphEtag: answer.etag, dueAt: refreshed };
      case 'none':
        figures.none++;
        return { ...kept, status: 'none', graphKey: null, graphEtag: null, dueAt: refreshed };
      case 'not_permitted':
      case 'not_configured':
        figures.notPermitted = true;
        round.stop = 'not_permitted';
        round.refusal =
          answer.kind === 'not_permitted'
            ? 'Microsoft Graph refused: the directory has not granted User.Read.All.'
            : 'Sign-in with Microsoft is not configured.';
        return null;
    }
  } catch (error) {
    if (error instanceof GraphThrottled) {
      round.stop = 'throttled';
      return null;
    }
    if (round.signal?.aborted) {
      round.stop = 'aborted';
      return null;
    }
    figures.failed++;
    const failures = person.failures + 1;
    const message = error instanceof Error ? error.message : String(error);
    log.warn({ tenantId: round.tenantId, userId: person.userId, failures, err: message }, 'photos: a photo failed');
    // Backoff: 2, 4, 8 … minutes, at most a day.
    return { ...kept, status: 'failed', failures, error: message, dueAt: after(Math.min(2 ** failures * MINUTE, 24 * 60 * MINUTE)) };
  }
}

/** Asks Graph for each person, CONCURRENCY at a time, until the round stops; answers what was learnt. */
async function askEach(round: Round, people: DuePhoto[]): Promise<PhotoOutcome[]> {
  const outcomes: PhotoOutcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, people.length) }, async () => {
      while (next < people.length && !round.stop) {
        if (round.signal?.aborted) round.stop = 'aborted';
        else {
          const outcome = await syncOne(round, people[next++]);
          if (outcome) outcomes.push(outcome);
        }
      }
    }),
  );
  return outcomes;
}

/**
 * Syncs the tenant's due photos until none is due, `deadline` passes or
 * `signal` aborts (the server is stopping), Graph throttles beyond what a
 * round waits, or the directory turns out not to have granted the permission.
 * What was learnt before a stop is recorded; whoever was not asked stays due.
 */
export async function syncDuePhotos(tenant: { id: string; entraTenantId: string }, options: { deadline: number; signal?: AbortSignal }): Promise<SyncFigures> {
  const figures: SyncFigures = { checked: 0, downloaded: 0, unchanged: 0, none: 0, failed: 0, notPermitted: false, throttled: 0, more: false };
  const round: Round = { tenantId: tenant.id, tid: tenant.entraTenantId, figures, signal: options.signal, stop: null };
  for (;;) {
    if (Date.now() > options.deadline || options.signal?.aborted) return { ...figures, more: true };
    const due = await listDuePhotos(tenant.id, BATCH);
    if (due.length === 0) return figures;
    const outcomes = await askEach(round, due);
    figures.checked += outcomes.length;
    await recordPhotoOutcomes(tenant.id, outcomes);
    const listed = new Map(due.map((d) => [d.userId, d.graphKey]));
    const replaced = outcomes.map((o) => listed.get(o.userId)).filter((key, i): key is string => !!key && key !== outcomes[i].graphKey);
    await deletePhotoFilesIfUnused(tenant.id, replaced);
    if (round.stop === 'not_permitted') {
      // Everyone of the directory is refused alike: all who are due wait for the next check, or for "Sync now".
      await deferDuePhotos(tenant.id, round.refusal!, after(PERMISSION_RECHECK_MS));
      return figures;
    }
    if (round.stop) return { ...figures, more: true };
  }
}
