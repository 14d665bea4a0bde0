import { notFound } from 'next/navigation';

// Addresses no route of the tenant's site matches. Without this, Next would
// answer them with the root 404 page, outside the tenant's layout and header.
export default function Missing() {
  notFound();
}
