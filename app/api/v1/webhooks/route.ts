import { keyHandlers, WEBHOOKS_SCOPE } from '@/lib/api/webhooks/endpoints';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute(WEBHOOKS_SCOPE, keyHandlers.list);
export const POST = apiRoute(WEBHOOKS_SCOPE, keyHandlers.create);
