import { Entity, Property } from '@mikro-orm/decorators/legacy';
import { BaseEntity } from '@nuage/platform';

/** The consumption thresholds (percent of a commitment) at which an entity's buyers are alerted. */
@Entity({ tableName: 'alert_settings' })
export class AlertSettings extends BaseEntity {
  @Property({ type: 'uuid', unique: true })
  entityId!: string;

  @Property({ type: 'integer[]' })
  thresholds: number[] = [];
}
