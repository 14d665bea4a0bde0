export { PageSkeleton as default } from '@/components/wiki/page-skeleton';
