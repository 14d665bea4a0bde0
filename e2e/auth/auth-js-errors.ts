import { expectServerErrors } from '../support/test';

// Auth.js reports every sign-in request it refuses with its own logger, at
// error level, through console.error, which the server writes as JSON lines
// (lib/ops/console.ts): "[auth][error] <type>: <message>", then either the
// cause's stack and "[auth][details]" (what it compared), or the bare stack.
// The specs that send it tampered or hostile requests on purpose declare those
// lines with these, next to the step that sends them.

/** `text` as it appears inside a JSON line's string, as a pattern. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The stack Auth.js prints after an error without a cause: a message that is a stack frame of the build. */
const BARE_STACK = /"level":"error".*"msg":"at [^"]*\.next\/server\/chunks\//;

/** A refused callback: oauth4webapi's `cause`, and the details of the comparison, which hold `detail`. */
export function expectCallbackRefused(cause: string, detail: string): void {
  expectServerErrors(
    /"level":"error".*"msg":"\[auth\]\[error\] CallbackRouteError: /,
    new RegExp(`"level":"error".*"msg":"\\[auth\\]\\[cause\\]: \\w+: ${inJson(cause)}\\\\n`),
    new RegExp(`"level":"error".*"msg":"\\[auth\\]\\[details\\]: .*${inJson(detail)}`),
  );
}

/** A request Auth.js refused before any callback (an unknown action, a foreign callback URL, a state it cannot read). */
export function expectAuthRefusal(type: string, message: string): void {
  expectServerErrors(new RegExp(`"level":"error".*"msg":"\\[auth\\]\\[error\\] ${type}: ${inJson(message)}`), BARE_STACK);
}
