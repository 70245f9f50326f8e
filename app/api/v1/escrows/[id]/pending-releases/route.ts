import { postPendingRelease } from '@/lib/api/endpoints/pending';
import { apiRoute } from '@/lib/api/route';

// A release whose signers sign from their own keys: starts it, answers each signer's entry.
export const POST = apiRoute<{ id: string }>('prepare', postPendingRelease);
