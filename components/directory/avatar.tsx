import { initials } from '@/lib/directory/person-name';
import { photoUrl } from '@/lib/photos/photo-files';

const SIZES = { sm: 'h-8 w-8 text-xs', md: 'h-10 w-10 text-sm', lg: 'h-20 w-20 text-2xl' } as const;

/**
 * A person's photo, or their initials in a circle; decorative, since their
 * name is always written beside it. The initials stay underneath, so a photo
 * that fails to load leaves them showing.
 */
export function Avatar({
  name,
  photoKey,
  size = 'md',
  className = '',
}: {
  name: string;
  photoKey?: string | null;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  return (
    <span
      aria-hidden="true"
      className={`relative flex shrink-0 items-center justify-center overflow-hidden rounded-full bg-indigo-600 font-semibold text-on-accent ${SIZES[size]} ${className}`}
    >
      {initials(name)}
      {photoKey ? (
        // eslint-disable-next-line @next/next/no-img-element -- served at its content address with its own caching; Next's optimizer would only copy it
        <img
          src={photoUrl(photoKey, size === 'lg' ? 256 : 64)}
          alt=""
          loading="lazy"
          decoding="async"
          className="absolute inset-0 h-full w-full object-cover"
        />
      ) : null}
    </span>
  );
}
