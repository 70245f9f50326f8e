import { postPendingSignature } from '@/lib/api/endpoints/pending';
import { apiRoute } from '@/lib/api/route';

export const POST = apiRoute<{ pendingId: string }>('prepare', postPendingSignature);
