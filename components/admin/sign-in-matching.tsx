import { Section } from '@/components/ui/card';
import type { SignInMatching } from '@/lib/admin/sign-in-matching';

const MAPPING = {
  objectId: 'Entra sends each person’s object id as externalId (recommended): people are matched by it at their first sign-in.',
  other:
    'Entra does not send the object id as externalId (its default sends mailNickname). People are matched only by a work email whose domain your directory has verified; admins never by email.',
  none: 'Nobody has been provisioned yet.',
} as const;

const people = (n: number) => `${n} provisioned ${n === 1 ? 'person' : 'people'}`;

/** How provisioned people are matched to their Microsoft account at sign-in, and who cannot be (lib/admin/sign-in-matching.ts). */
export function SignInMatchingPanel({ matching }: { matching: SignInMatching }) {
  const warn = matching.unmatchable > 0 || matching.byEmail > 0;
  return (
    <Section title="Matching people at sign-in" framed={false}>
      <p className="mt-2">{MAPPING[matching.mapping]}</p>
      <p className="mt-1 text-sm text-slate-600">
        Signed in already: {matching.bound}. Sent with their object id as externalId: {matching.byObjectId}. Matchable by verified email only:{' '}
        {matching.byEmail}. Not matchable: {matching.unmatchable}.
      </p>
      {warn ? (
        <div role="status" className="mt-3 space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          <p>
            {matching.unmatchable > 0 ? `${people(matching.unmatchable)} cannot be matched safely and will be refused at sign-in. ` : ''}
            {matching.byEmail > 0 ? `${people(matching.byEmail)} can be matched only by a work email in a domain your directory verified. ` : ''}
            User names and email addresses can change and be reused in Entra, so TheOrgWiki does not trust them to say who someone is.
          </p>
          <p>
            Fix: in Entra, Provisioning → Mappings → Provision Microsoft Entra ID Users, edit the <strong>externalId</strong> mapping and set its source
            attribute to <strong>objectId</strong>; then restart provisioning so everyone is sent again.
          </p>
        </div>
      ) : null}
    </Section>
  );
}
