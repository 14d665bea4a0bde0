import { describe, expect, it } from 'vitest';
import { describeEndpoint, matchEndpoint } from '../../lib/scim/endpoints';

// The endpoint table: names in any case (Microsoft's reference collection
// sends `GET /users`), captures exactly as sent.

describe('SCIM endpoint names', () => {
  it('match in any case', () => {
    for (const [path, route] of [
      ['/users', '/Users'],
      ['/USERS', '/Users'],
      ['/groups', '/Groups'],
      ['/serviceproviderconfig', '/ServiceProviderConfig'],
      ['/RESOURCETYPES', '/ResourceTypes'],
      ['/schemas', '/Schemas'],
    ]) {
      expect(matchEndpoint(path)?.endpoint.route, path).toBe(route);
    }
    expect(describeEndpoint('/uSeRs', 'GET')).toEqual({ route: '/Users', resource: 'User', operation: 'list' });
  });

  it('pass ids and names on as sent', () => {
    expect(matchEndpoint('/users/0190A5B2-AAAA-7BBB-8CCC-DDDDEEEEFFFF')?.params).toEqual({ id: '0190A5B2-AAAA-7BBB-8CCC-DDDDEEEEFFFF' });
    expect(matchEndpoint('/schemas/urn:ietf:params:scim:schemas:core:2.0:User')?.params).toEqual({ uri: 'urn:ietf:params:scim:schemas:core:2.0:User' });
    expect(matchEndpoint('/resourcetypes/User')?.params).toEqual({ name: 'User' });
  });

  it('still name nothing else', () => {
    for (const path of ['/user', '/Users/a/b', '/Bulk', '/.search', '/Me']) expect(matchEndpoint(path), path).toBeNull();
  });
});
