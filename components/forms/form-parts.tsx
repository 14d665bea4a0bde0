import type { ActionResult } from '@/lib/action-result';

/** A form's primary button, saying so while its action runs. */
export function SubmitButton({ pending, label, busyLabel = 'Saving…' }: { pending: boolean; label: string; busyLabel?: string }) {
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-on-accent hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
    >
      {pending ? busyLabel : label}
    </button>
  );
}

/** What the last submission came to, read out by screen readers as it changes. */
export function ResultMessage({ result }: { result: ActionResult | null }) {
  return (
    <p aria-live="polite" className={`text-sm ${result && !result.ok ? 'text-red-700' : 'text-green-700'}`}>
      {result ? (result.ok ? result.message : result.error) : ''}
    </p>
  );
}
