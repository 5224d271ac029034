import type { MikroORM } from '@mikro-orm/postgresql';
import { documentRenderer } from '@nuage/pdf';
import { downloadRoute } from '@nuage/platform';
import { findGuidedChoice } from '../services/guided-choice';
import { guidedChoicePrint, type GuidedChoicePrint } from '../services/report';

/** Lays PAAC reports out in a worker thread (see `report.worker.ts`). */
const reports = documentRenderer<GuidedChoicePrint>(new URL('../services/report.worker', import.meta.url));

const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';

/** The PAAC report of a recorded guided choice, for whoever may read it. */
export const reportRoute = (orm: MikroORM, secret: string) =>
  downloadRoute(new RegExp(`^/downloads/guided-choices/${UUID}/report\\.pdf$`), secret, async (identity, [id]) => {
    const choice = await findGuidedChoice(orm.em.fork(), identity, id!);
    const slug =
      choice.projectName
        .normalize('NFD')
        .replace(/[^\w]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'projet';
    return {
      body: await reports.render(guidedChoicePrint(choice)),
      contentType: 'application/pdf',
      fileName: `parcours-aide-au-choix-${slug}.pdf`,
    };
  });
