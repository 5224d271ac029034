import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125045012 } from './Migration20261125045012.js';
import { Migration20261126050542 } from './Migration20261126050542.js';
import { Migration20261126051418 } from './Migration20261126051418.js';
import { Migration20261126053914 } from './Migration20261126053914.js';
import { Migration20261126054348 } from './Migration20261126054348.js';
import { Migration20261126055250 } from './Migration20261126055250.js';
import { Migration20261128154919 } from './Migration20261128154919.js';
import { Migration20261201131114 } from './Migration20261201131114.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261202021159 } from './Migration20261202021159.js';
import { Migration20261202140204 } from './Migration20261202140204.js';
import { Migration20261202191323 } from './Migration20261202191323.js';

/** The committed migrations, in order (an explicit list behaves the same under tsx and vitest). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125045012', class: Migration20261125045012 },
  { name: 'Migration20261126050542', class: Migration20261126050542 },
  { name: 'Migration20261126051418', class: Migration20261126051418 },
  { name: 'Migration20261126053914', class: Migration20261126053914 },
  { name: 'Migration20261126054348', class: Migration20261126054348 },
  { name: 'Migration20261126055250', class: Migration20261126055250 },
  { name: 'Migration20261128154919', class: Migration20261128154919 },
  { name: 'Migration20261201131114', class: Migration20261201131114 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261202021159', class: Migration20261202021159 },
  { name: 'Migration20261202140204', class: Migration20261202140204 },
  { name: 'Migration20261202191323', class: Migration20261202191323 },
];
