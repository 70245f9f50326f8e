/**
 * This server's pending steps: the store over the app's read-model database (the handle the
 * indexer and the API use; tests hand in their own through `setApiDatabase`), for the network
 * the app is configured for.
 */
import { apiDatabase } from '../api/db';
import { baseNetworkConfig } from '../networks/server';
import { databasePendingStore, type PendingStep, type PendingStore } from './store';

/** The app's pending store. */
export async function appPendingStore(): Promise<PendingStore> {
  return databasePendingStore(await apiDatabase(), baseNetworkConfig().name);
}

/** One pending step by id, or null when there is none (or it expired). */
export async function getPending(id: unknown): Promise<PendingStep | null> {
  if (typeof id !== 'string') return null;
  return (await appPendingStore()).get(id);
}
