/** The read model's schema: drizzle-kit reads it to write migrations, the client to type queries. */
export * from './escrows';
export * from './events';
export * from './system';
export * from './api';
export * from './pending';
export * from './webhooks';
