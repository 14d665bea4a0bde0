// Fixed ids of the Microsoft identity platform that sign-in decisions rest on.

/**
 * The directory of personal Microsoft accounts (outlook.com, hotmail.com…):
 * https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference#payload-claims
 * They have no company, so they never create or enter a tenant, whatever
 * authority the app is configured with.
 */
export const PERSONAL_ACCOUNTS_TID = '9188040d-6c67-4c5b-b112-36a304b66dad';

/**
 * The directory roles (role template ids, as the `wids` claim carries them)
 * that may connect an application to the whole directory: those that can
 * grant admin consent. Signing up a company, or taking over one that a
 * non-admin claimed, needs one of them.
 * https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference
 */
export const DIRECTORY_ADMIN_ROLES: Readonly<Record<string, string>> = {
  '62e90394-69f5-4237-9190-012177145e10': 'Global Administrator',
  'e8611ab8-c189-46e8-94e1-60213ab1f814': 'Privileged Role Administrator',
  '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3': 'Application Administrator',
  '158c047a-c907-4556-b7ef-446551a6b5f7': 'Cloud Application Administrator',
};

/** Every member of a directory carries this role template id in `wids` ("User"); it grants nothing. */
export const DIRECTORY_MEMBER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';

export const isDirectoryAdmin = (roles: readonly string[]) => roles.some((role) => role.toLowerCase() in DIRECTORY_ADMIN_ROLES);
