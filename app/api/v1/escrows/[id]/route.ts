import { getEscrow } from '@/lib/api/endpoints/reads';
import { putEscrow } from '@/lib/api/endpoints/steps';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute<{ id: string }>('read', getEscrow);
export const PUT = apiRoute<{ id: string }>('prepare', putEscrow);
