import { getPendingRelease } from '@/lib/api/endpoints/pending';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute<{ pendingId: string }>('read', getPendingRelease);
