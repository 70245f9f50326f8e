import { deleteSession, getSession, postSession } from '@/lib/api/endpoints/settings';
import { settingsRoute } from '@/lib/api/settings-route';

export const GET = settingsRoute({}, getSession);
export const POST = settingsRoute({ public: true }, postSession);
export const DELETE = settingsRoute({ public: true }, deleteSession);
