export * from './outbox';
export * from './queues';
export * from './channel';
export * from './dead-letters';
export * from './migration';
