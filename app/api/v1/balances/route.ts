import { getBalances } from '@/lib/api/endpoints/reads';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute('read', getBalances);
