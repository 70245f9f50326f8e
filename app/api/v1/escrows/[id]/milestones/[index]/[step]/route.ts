import { postStep } from '@/lib/api/endpoints/steps';
import { apiRoute } from '@/lib/api/route';

// Every per-milestone step of the registry (status, approve, release, dispute, resolve).
export const POST = apiRoute<{ id: string; index: string; step: string }>('prepare', postStep);
