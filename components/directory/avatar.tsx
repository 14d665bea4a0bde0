import { initials } from '@/lib/directory/person-name';

const SIZES = { sm: 'h-8 w-8 text-xs', md: 'h-10 w-10 text-sm', lg: 'h-20 w-20 text-2xl' } as const;

/** A person's initials in a circle; decorative, since their name is always written beside it. */
export function Avatar({ name, size = 'md', className = '' }: { name: string; size?: keyof typeof SIZES; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={`flex shrink-0 items-center justify-center rounded-full bg-indigo-600 font-semibold text-on-accent ${SIZES[size]} ${className}`}
    >
      {initials(name)}
    </span>
  );
}
