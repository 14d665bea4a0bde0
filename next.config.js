/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Entra's Tenant URL ends in a slash and SCIM clients vary; /Users/ must answer like /Users, not redirect.
  skipTrailingSlashRedirect: true,
  // PGlite ships WebAssembly and is only used by the launcher; keep it out of bundles.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket'],
  // forbidden(): the admin guard's 403 page (app/tenant/[subdomain]/forbidden.tsx, app/forbidden.tsx elsewhere).
  experimental: { authInterrupts: true },
};

export default nextConfig;
