import { PageSkeleton } from '@/components/wiki/page-skeleton';

export default function Loading() {
  return <PageSkeleton />;
}
