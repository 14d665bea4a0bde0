// Where the demo under test answers. Its own port, away from a developer's demo
// (3000-3004) and the browser tests' server (3100-3104); the demo's local
// identity provider takes the next two ports (tools/dev-idp/launch.ts), its
// mail server the two after (tools/dev-mail/launch.ts).
// DEMO_E2E_PORT moves it, e.g. for two checkouts running this side by side.

export const DEMO_PORT = Number(process.env.DEMO_E2E_PORT ?? 3700);
export const DEMO_ROOT = `localhost:${DEMO_PORT}`;
/** The app, the identity provider's http and https ports, and the mail server's SMTP and inbox: all must be free before, and free again after. */
export const DEMO_PORTS = [DEMO_PORT, DEMO_PORT + 1, DEMO_PORT + 2, DEMO_PORT + 3, DEMO_PORT + 4];

/** The Host header of the apex (no subdomain) or of a tenant. */
export const demoHost = (subdomain?: string) => (subdomain ? `${subdomain}.${DEMO_ROOT}` : DEMO_ROOT);

/** A page's URL as a browser opens it (Chromium resolves *.localhost itself). */
export const demoUrl = (subdomain: string | undefined, pathname = '/') => `http://${demoHost(subdomain)}${pathname}`;
