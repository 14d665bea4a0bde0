import type { DevDirectory } from './directories';

// The development identity provider's two pages: "pick an account" (every
// person of every directory it knows, plus a form for someone else) and an
// error page. Plain HTML; the form posts back the authorization request.

/** Test knobs: ID tokens Entra would never send, for the app to refuse. */
const TAMPERS = {
  foreign_issuer: "Another directory's issuer",
  unknown_key: 'A key the directory does not publish',
  other_audience: "Another app's audience",
} as const;
export type Tamper = keyof typeof TAMPERS;

const escape = (value: string) => value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FORWARDED = ['client_id', 'redirect_uri', 'response_type', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'];

function hidden(params: URLSearchParams): string {
  return FORWARDED.filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escape(params.get(name)!)}">`)
    .join('');
}

const STYLE = `body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;color:#1f2937}
main{max-width:34rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:.5rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.4rem}h2{font-size:1rem;margin-top:1.5rem;color:#374151}ul{list-style:none;padding:0}
button{width:100%;text-align:left;padding:.5rem .75rem;margin:.2rem 0;border:1px solid #d1d5db;border-radius:.375rem;background:#fff;cursor:pointer}
button:hover{background:#eef2ff}small{color:#6b7280}label{display:block;margin:.5rem 0 .2rem}
input[type=text],select{width:100%;padding:.4rem;border:1px solid #d1d5db;border-radius:.375rem}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export const loginPage = {
  render(directories: DevDirectory[], params: URLSearchParams): string {
    const accounts = directories
      .map(
        (d) =>
          `<section aria-label="${escape(d.name)}"><h2>${escape(d.name)} <small>directory ${d.tid}</small></h2><ul>${d.people
            .map(
              (
                p,
              ) => `<li><form method="post">${hidden(params)}<input type="hidden" name="tid" value="${d.tid}"><input type="hidden" name="user" value="${escape(p.userName)}">
<button type="submit">${escape(p.name)} <small>${escape(p.userName)}</small></button></form></li>`,
            )
            .join('')}</ul></section>`,
      )
      .join('');
    const options = directories.map((d) => `<option value="${d.tid}">${escape(d.name)}</option>`).join('');
    return page(
      'Sign in to your account',
      `<h1>Sign in to your account</h1>
<p><small>Development identity provider: it stands in for Microsoft Entra ID on this machine. Pick an account.</small></p>
${accounts}
<h2>Someone else</h2>
<form method="post">${hidden(params)}
<label for="tid">Directory</label><select id="tid" name="tid">${options}</select>
<label for="user">User name</label><input id="user" type="text" name="user" placeholder="someone@example.com" required>
<label for="name">Display name</label><input id="name" type="text" name="name">
<label><input type="checkbox" name="mailbox" checked> Has a mailbox (its address is the user name)</label>
<label><input type="checkbox" name="admin"> Global Administrator of the directory</label>
<label><input type="checkbox" name="guest"> A guest (B2B) from another organization</label>
<label for="tamper">Tamper with the ID token (tests the app's checks)</label><select id="tamper" name="tamper"><option value="">No</option>${Object.entries(
        TAMPERS,
      )
        .map(([value, label]) => `<option value="${value}">${escape(label)}</option>`)
        .join('')}</select>
<input type="hidden" name="someone_else" value="1">
<button type="submit">Sign in as someone else</button></form>`,
    );
  },

  tamper(value: string | null): Tamper | null {
    return value && value in TAMPERS ? (value as Tamper) : null;
  },

  error(message: string): string {
    return page('Sign-in error', `<h1>Sorry, but we're having trouble signing you in.</h1><p>${escape(message)}</p>`);
  },
};
