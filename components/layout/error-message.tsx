import { RetryButton, StatusMessage } from './status-message';

/** The body of an error boundary. The digest names the failure in the server's log, without saying what it was. */
export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null;
  return (
    <StatusMessage code="Error" title="Something went wrong" action={<RetryButton onRetry={retry} />}>
      <p>This page could not be shown just now. Try again in a moment; if it keeps happening, tell your administrator.</p>
      {digest ? (
        <p className="text-sm">
          Reference: <code>{digest}</code>
        </p>
      ) : null}
    </StatusMessage>
  );
}
