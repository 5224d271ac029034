export * from './pdf.js';
export * from './rendering.js';
export * from './parties.js';
