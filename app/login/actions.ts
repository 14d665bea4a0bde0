'use server';

import { startMicrosoftSignIn } from '@/lib/auth/start-microsoft-sign-in';

/** "Sign in with Microsoft" on the apex: off to Microsoft, and back to /auth/continue (or to sign-up). */
export async function signInWithMicrosoft(formData: FormData): Promise<void> {
  await startMicrosoftSignIn({ tenant: formData.get('tenant') || undefined, binding: formData.get('binding') || undefined, next: formData.get('next') });
}
