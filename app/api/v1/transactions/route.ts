import { postTransaction } from '@/lib/api/endpoints/transactions';
import { apiRoute } from '@/lib/api/route';

export const POST = apiRoute('submit', postTransaction);
