import { postPendingRelease } from '@/lib/api/endpoints/pending';
import { apiRoute } from '@/lib/api/route';

// A milestone's release whose signers sign from their own keys.
export const POST = apiRoute<{ id: string; index: string }>('prepare', postPendingRelease);
