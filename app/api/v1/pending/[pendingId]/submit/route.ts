import { postPendingSubmit } from '@/lib/api/endpoints/pending';
import { apiRoute } from '@/lib/api/route';

// Once every signer has signed: the transaction to sign, then POST /transactions.
export const POST = apiRoute<{ pendingId: string }>('prepare', postPendingSubmit);
