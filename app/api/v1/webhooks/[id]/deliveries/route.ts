import { keyHandlers, WEBHOOKS_SCOPE } from '@/lib/api/webhooks/endpoints';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute<{ id: string }>(WEBHOOKS_SCOPE, keyHandlers.deliveries);
