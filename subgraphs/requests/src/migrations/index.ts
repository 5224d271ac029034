import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125045010 } from './Migration20261125045010.js';
import { Migration20261126055733 } from './Migration20261126055733.js';
import { Migration20261128154917 } from './Migration20261128154917.js';
import { Migration20261128155230 } from './Migration20261128155230.js';
import { Migration20261201131118 } from './Migration20261201131118.js';
import { Migration20261201142922 } from './Migration20261201142922.js';
import { Migration20261201200000 } from './Migration20261201200000.js';
import { Migration20261202021157 } from './Migration20261202021157.js';
import { Migration20261202140212 } from './Migration20261202140212.js';
import { Migration20261202140955 } from './Migration20261202140955.js';
import { Migration20261203114855 } from './Migration20261203114855.js';
import { Migration20261203150000 } from './Migration20261203150000.js';

/** The committed migrations, in order (an explicit list behaves the same under tsx and vitest). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125045010', class: Migration20261125045010 },
  { name: 'Migration20261126055733', class: Migration20261126055733 },
  { name: 'Migration20261128154917', class: Migration20261128154917 },
  { name: 'Migration20261128155230', class: Migration20261128155230 },
  { name: 'Migration20261201131118', class: Migration20261201131118 },
  { name: 'Migration20261201142922', class: Migration20261201142922 },
  { name: 'Migration20261201200000', class: Migration20261201200000 },
  { name: 'Migration20261202021157', class: Migration20261202021157 },
  { name: 'Migration20261202140212', class: Migration20261202140212 },
  { name: 'Migration20261202140955', class: Migration20261202140955 },
  { name: 'Migration20261203114855', class: Migration20261203114855 },
  { name: 'Migration20261203150000', class: Migration20261203150000 },
];
