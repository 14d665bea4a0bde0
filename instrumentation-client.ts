import { z } from 'zod';

// Runs in the browser before any of the app's modules. Zod compiles fast object
// parsers with `new Function` and probes for it when a schema is built; under
// our Content-Security-Policy (no 'unsafe-eval') the probe is refused and
// reported as a violation on every page with a form. Forms parse fast enough
// without compiled code.
z.config({ jitless: true });
