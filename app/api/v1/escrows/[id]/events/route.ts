import { getEscrowEvents } from '@/lib/api/endpoints/reads';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute<{ id: string }>('read', getEscrowEvents);
