import { Button } from '@/components/ui/button';
import { Link } from '@/components/ui/link';
import type { ActionResult } from '@/lib/action-result';

/** A form's primary button, saying so while its action runs. */
export function SubmitButton({ pending, label, busyLabel = 'Saving…' }: { pending: boolean; label: string; busyLabel?: string }) {
  return (
    <Button type="submit" disabled={pending}>
      {pending ? busyLabel : label}
    </Button>
  );
}

/** What the last submission came to, read out by screen readers as it changes. */
export function ResultMessage({ result }: { result: ActionResult | null }) {
  return (
    <p aria-live="polite" className={`text-sm ${result && !result.ok ? 'text-red-700' : 'text-green-700'}`}>
      {result ? (result.ok ? result.message : result.error) : ''}
      {result && !result.ok && result.next ? (
        <>
          {' '}
          <Link href={result.next.href} reload target="_blank" rel="noopener">
            {result.next.label} (opens in a new tab)
          </Link>
        </>
      ) : null}
    </p>
  );
}
