export * from './pdf';
export * from './rendering';
