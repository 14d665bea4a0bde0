import { describe, expect, it } from 'vitest';
import { describeEndpoint } from '../../lib/scim/endpoints';
import { routeLabel } from '../../lib/server/route-label';

describe('routeLabel', () => {
  it('names routes by pattern, never by the ids or names in the path', () => {
    const id = '01a22916-0ae4-75b9-8fd9-cd718438f4c2';
    expect(routeLabel('/api/health', 'GET')).toBe('/api/health');
    expect(routeLabel('/api/v2/scim/v2/Users', 'GET')).toBe('scim /Users');
    expect(routeLabel(`/api/v2/scim/v2/Users/${id}/`, 'PATCH')).toBe('scim /Users/:id');
    expect(routeLabel(`/api/v2/scim/v2/Groups/${id}`, 'DELETE')).toBe('scim /Groups/:id');
    expect(routeLabel('/api/v2/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User', 'GET')).toBe('scim /Schemas');
    expect(routeLabel('/api/v2/scim/v2/Widgets/42', 'GET')).toBe('scim (no endpoint)');
    expect(routeLabel('/_next/static/chunks/a.js', 'GET')).toBe('next static');
    expect(routeLabel('/api/search', 'GET')).toBe('next api');
    expect(routeLabel('/people/ada@example.com', 'GET')).toBe('next page');
  });
});

describe('describeEndpoint', () => {
  it('names the resource type and the operation', () => {
    expect(describeEndpoint('/Users', 'GET')).toEqual({ route: '/Users', resource: 'User', operation: 'list' });
    expect(describeEndpoint('/Users', 'POST')).toEqual({ route: '/Users', resource: 'User', operation: 'create' });
    expect(describeEndpoint('/Users/x', 'GET')).toMatchObject({ resource: 'User', operation: 'get' });
    expect(describeEndpoint('/Groups/x', 'PATCH')).toMatchObject({ resource: 'Group', operation: 'update' });
    expect(describeEndpoint('/Groups/x', 'PUT')).toMatchObject({ resource: 'Group', operation: 'replace' });
    expect(describeEndpoint('/Groups/x', 'DELETE')).toMatchObject({ resource: 'Group', operation: 'delete' });
    expect(describeEndpoint('/ServiceProviderConfig', 'GET')).toMatchObject({ resource: 'ServiceProviderConfig', operation: 'get' });
    expect(describeEndpoint('/Users', 'BREW')).toMatchObject({ resource: 'User', operation: 'other' });
  });
});
