import { MAX_PAGE_SIZE, SCIM_SCHEMAS } from '../limits';
import { discoveryMeta } from './location';

// /ServiceProviderConfig (RFC 7643 §5, example in §8.5): what a client may rely on.
// documentationUri is left out: there is no public documentation page yet.

/** The service provider configuration for the tenant whose SCIM base URL is `baseUrl`. */
export function serviceProviderConfig(baseUrl: string) {
  return {
    schemas: [SCIM_SCHEMAS.serviceProviderConfig],
    patch: { supported: true },
    // Entra never sends /Bulk; RFC 7643 §5 still wants the sub-attributes, 0 when unsupported.
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE_SIZE },
    changePassword: { supported: false },
    sort: { supported: true },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'OAuth Bearer Token',
        description: 'Authentication with a token minted in the Admin Console (Service Accounts)',
        specUri: 'https://www.rfc-editor.org/info/rfc6750',
        primary: true,
      },
    ],
    meta: discoveryMeta(baseUrl, 'ServiceProviderConfig', '/ServiceProviderConfig'),
  };
}
