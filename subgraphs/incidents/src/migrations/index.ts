import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125045013 } from './Migration20261125045013.js';
import { Migration20261126050543 } from './Migration20261126050543.js';
import { Migration20261126055406 } from './Migration20261126055406.js';
import { Migration20261126055804 } from './Migration20261126055804.js';
import { Migration20261128154921 } from './Migration20261128154921.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261202021202 } from './Migration20261202021202.js';
import { Migration20261202140208 } from './Migration20261202140208.js';
import { Migration20261202141001 } from './Migration20261202141001.js';

/** The committed migrations, in order (an explicit list behaves the same under tsx and vitest). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125045013', class: Migration20261125045013 },
  { name: 'Migration20261126050543', class: Migration20261126050543 },
  { name: 'Migration20261126055406', class: Migration20261126055406 },
  { name: 'Migration20261126055804', class: Migration20261126055804 },
  { name: 'Migration20261128154921', class: Migration20261128154921 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261202021202', class: Migration20261202021202 },
  { name: 'Migration20261202140208', class: Migration20261202140208 },
  { name: 'Migration20261202141001', class: Migration20261202141001 },
];
