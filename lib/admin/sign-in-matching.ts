import { countSignInMatching, tenantSql, type MatchingCounts } from '../db';

// "Can my people sign in?" for the Admin Console: which SCIM mapping the
// tenant's provisioning uses, as far as its data shows, and who cannot be
// matched to their profile safely (docs/sign-in.md, "Matching people").

export interface SignInMatching extends MatchingCounts {
  /** objectId: Entra sends the object id as externalId (recommended); other: it does not; none: nobody provisioned yet. */
  mapping: 'objectId' | 'other' | 'none';
}

export async function signInMatching(tenantId: string): Promise<SignInMatching> {
  const counts = await countSignInMatching(tenantSql(tenantId));
  const total = counts.bound + counts.byObjectId + counts.byEmail + counts.unmatchable;
  const mapping = counts.objectIdAsExternalId > 0 ? 'objectId' : total === 0 ? 'none' : 'other';
  return { ...counts, mapping };
}
