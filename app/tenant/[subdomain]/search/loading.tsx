export { ListSkeleton as default } from '@/components/layout/list-skeleton';
