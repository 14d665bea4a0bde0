// Where each resource type is served, under the tenant's SCIM base URL. A
// leaf module: the manager's and members' $ref name /Users too.

export const USERS_ENDPOINT = '/Users';
export const GROUPS_ENDPOINT = '/Groups';
