/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // PGlite ships WebAssembly and is only used by the launcher; keep it out of bundles.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket'],
};

export default nextConfig;
