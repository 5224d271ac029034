import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125045014 } from './Migration20261125045014.js';
import { Migration20261126050544 } from './Migration20261126050544.js';
import { Migration20261126060620 } from './Migration20261126060620.js';
import { Migration20261201130000 } from './Migration20261201130000.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261202141149 } from './Migration20261202141149.js';

/** The committed migrations, in order (an explicit list behaves the same under tsx and vitest). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125045014', class: Migration20261125045014 },
  { name: 'Migration20261126050544', class: Migration20261126050544 },
  { name: 'Migration20261126060620', class: Migration20261126060620 },
  { name: 'Migration20261201130000', class: Migration20261201130000 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261202141149', class: Migration20261202141149 },
];
