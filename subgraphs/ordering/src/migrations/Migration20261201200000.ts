import { OutboxForEngine } from '@nuage/platform';

export class Migration20261201200000 extends OutboxForEngine {
  override name = 'Migration20261201200000';
}
