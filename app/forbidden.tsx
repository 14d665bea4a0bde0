import Link from 'next/link';

/** 403: signed in, but not allowed here (requireAdmin). */
export default function Forbidden() {
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">403</p>
      <h1 className="mt-2 text-3xl font-bold">Admins only</h1>
      <p className="mt-4 text-slate-600">This page is for your company&apos;s TheOrgWiki admins. Ask one of them if you need something changed.</p>
      <Link href="/" className="mt-6 inline-block text-indigo-700 underline">
        Back to the directory
      </Link>
    </main>
  );
}
