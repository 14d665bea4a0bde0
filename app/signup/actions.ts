'use server';

import { redirect } from 'next/navigation';
import { signedInIdentity } from '@/lib/auth/auth';
import { continueSignIn } from '@/lib/auth/continue-sign-in';
import { signUpTenant } from '@/lib/auth/sign-up';
import { takeOverTenant } from '@/lib/auth/take-over';
import { AppError } from '@/lib/errors';

export interface SignUpState {
  error: string | null;
  displayName: string;
  subdomain: string;
}

const EXPIRED = 'Your Microsoft sign-in has expired. Sign in again to continue.';

/** Creates the company for the signed-in person, then sends them into it. */
export async function createCompany(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const displayName = String(formData.get('displayName') ?? '');
  const subdomain = String(formData.get('subdomain') ?? '');
  const identity = await signedInIdentity();
  if (!identity) return { error: EXPIRED, displayName, subdomain };
  let created: string;
  try {
    created = (await signUpTenant(identity, { displayName, subdomain })).subdomain;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, displayName, subdomain };
    throw error;
  }
  // Off to the new tenant's host, which binds this browser and sends it back
  // through /auth/continue (never a redirect Next might follow on the server).
  redirect(await continueSignIn(identity, created, null));
}

export interface TakeOverState {
  error: string | null;
}

/** The directory admin takes over their directory's tenant (lib/auth/take-over.ts), then enters it. */
export async function takeOverCompany(): Promise<TakeOverState> {
  const identity = await signedInIdentity();
  if (!identity) return { error: EXPIRED };
  let subdomain: string;
  try {
    subdomain = (await takeOverTenant(identity)).subdomain;
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  redirect(await continueSignIn(identity, subdomain, null));
}
