import { postStep } from '@/lib/api/endpoints/steps';
import { apiRoute } from '@/lib/api/route';

// Every whole-escrow step of the registry (fund, release, dispute, resolve, withdraw, refund).
export const POST = apiRoute<{ id: string; step: string }>('prepare', postStep);
