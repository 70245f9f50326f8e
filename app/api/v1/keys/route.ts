import { getKeys, postKey } from '@/lib/api/endpoints/settings';
import { settingsRoute } from '@/lib/api/settings-route';

export const GET = settingsRoute({}, getKeys);
export const POST = settingsRoute({}, postKey);
