/** The Microsoft directory (`tid`) the demo company acme is bound to; the local identity provider signs its people in. */
export const DEMO_DIRECTORY_ID = 'ac3e0000-0000-4000-8000-00000000acde';
