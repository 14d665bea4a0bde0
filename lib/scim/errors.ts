// The one SCIM error type (RFC 7644 §3.12). Every SCIM route turns anything it
// throws into one of these; `status` is a string in the body, as the RFC says.

export const SCIM_CONTENT_TYPE = 'application/scim+json';
const SCIM_ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

export type ScimType =
  'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'invalidVers' | 'sensitive';

export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ScimError';
  }

  /** The error response (a ScimReply, lib/scim/http.ts). */
  toReply(): { status: number; headers: Record<string, string>; body: string } {
    const body = {
      schemas: [SCIM_ERROR_SCHEMA],
      status: String(this.status),
      ...(this.scimType ? { scimType: this.scimType } : {}),
      detail: this.detail,
    };
    return { status: this.status, headers: { 'Content-Type': SCIM_CONTENT_TYPE, ...this.headers }, body: JSON.stringify(body) };
  }
}

export function scimNotFound(detail = 'Resource not found'): ScimError {
  return new ScimError(404, detail);
}
