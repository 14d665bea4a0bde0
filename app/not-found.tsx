import Link from 'next/link';

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-slate-600">
        There is no page at this address. If you followed a link to your company&apos;s wiki, check the subdomain.
      </p>
      <Link href="/" className="mt-6 inline-block text-indigo-700 underline">
        Go to the start page
      </Link>
    </main>
  );
}
