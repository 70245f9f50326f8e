import { getEscrow } from '@/lib/api/endpoints/reads';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute<{ id: string }>('read', getEscrow);
