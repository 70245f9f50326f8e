import { postEscrow } from '@/lib/api/endpoints/create';
import { getEscrowList } from '@/lib/api/endpoints/reads';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute('read', getEscrowList);
export const POST = apiRoute('prepare', postEscrow);
