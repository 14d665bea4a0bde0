/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Entra's Tenant URL ends in a slash and SCIM clients vary; /Users/ must answer like /Users, not redirect.
  skipTrailingSlashRedirect: true,
  // PGlite ships WebAssembly and is only used by the launcher; keep it out of bundles.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket'],
  // forbidden(): the admin guard's 403 page (app/tenant/[subdomain]/forbidden.tsx, app/forbidden.tsx elsewhere).
  // serverActions: a photo upload (lib/photos/image.ts takes up to 5 MB) travels in a server action's body.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: '6mb' } },
};

export default nextConfig;
