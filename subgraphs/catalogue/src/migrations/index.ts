import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125045008 } from './Migration20261125045008.js';
import { Migration20261126045358 } from './Migration20261126045358.js';
import { Migration20261126050539 } from './Migration20261126050539.js';
import { Migration20261201143218 } from './Migration20261201143218.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261202135043 } from './Migration20261202135043.js';
import { Migration20261202140216 } from './Migration20261202140216.js';
import { Migration20261203140000 } from './Migration20261203140000.js';

/** The committed migrations, in order (an explicit list behaves the same under tsx and vitest). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125045008', class: Migration20261125045008 },
  { name: 'Migration20261126045358', class: Migration20261126045358 },
  { name: 'Migration20261126050539', class: Migration20261126050539 },
  { name: 'Migration20261201143218', class: Migration20261201143218 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261202135043', class: Migration20261202135043 },
  { name: 'Migration20261202140216', class: Migration20261202140216 },
  { name: 'Migration20261203140000', class: Migration20261203140000 },
];
