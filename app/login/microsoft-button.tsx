import { signInWithMicrosoft } from './actions';

/** The "Sign in with Microsoft" button: a form, so it works before any JavaScript loads. */
export function MicrosoftButton({ tenant, binding, next = 'continue' }: { tenant?: string; binding?: string; next?: 'continue' | 'signup' }) {
  return (
    <form action={signInWithMicrosoft}>
      {tenant ? <input type="hidden" name="tenant" value={tenant} /> : null}
      {binding ? <input type="hidden" name="binding" value={binding} /> : null}
      <input type="hidden" name="next" value={next} />
      <button
        type="submit"
        className="inline-flex items-center gap-3 rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 shadow-sm hover:bg-slate-50"
      >
        <svg aria-hidden="true" width="20" height="20" viewBox="0 0 21 21">
          <rect x="1" y="1" width="9" height="9" fill="#f25022" />
          <rect x="11" y="1" width="9" height="9" fill="#7fba00" />
          <rect x="1" y="11" width="9" height="9" fill="#00a4ef" />
          <rect x="11" y="11" width="9" height="9" fill="#ffb900" />
        </svg>
        Sign in with Microsoft
      </button>
    </form>
  );
}
