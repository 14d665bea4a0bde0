// In a group of its own, so that the skeleton does not wrap profiles: a missing person must answer 404, not a streamed 200.
export { ListSkeleton as default } from '@/components/layout/list-skeleton';
