import { SUBGRAPH_NAMES } from '@nuage/contracts';
import { GATEWAY_SETTINGS } from '@nuage/gateway';
import { SERVICE_SETTINGS, SUBGRAPH_SETTINGS, settingsTable, type SettingsSpec } from '@nuage/platform';
import { loadDefinition } from '@nuage/stack';

export const REFERENCE_START = '<!-- settings reference: written by `npm run deploy:manifests`, checked by a test -->';
export const REFERENCE_END = '<!-- end of the settings reference -->';

const without = (spec: SettingsSpec, common: SettingsSpec): SettingsSpec =>
  Object.fromEntries(Object.entries(spec).filter(([name]) => !(name in common)));

/**
 * The README's reference of every setting, printed from the services' own settings modules: the
 * settings every service reads, then the gateway's, every subgraph's, and those only some read.
 */
export async function settingsReference(): Promise<string> {
  const sections: [string, SettingsSpec][] = [
    ['Every service', SERVICE_SETTINGS],
    ['The gateway', without(GATEWAY_SETTINGS, SERVICE_SETTINGS)],
    ['Every subgraph', without(SUBGRAPH_SETTINGS, SERVICE_SETTINGS)],
  ];
  // A setting only some subgraphs read is listed once, under the subgraphs that read it.
  const readers = new Map<string, { names: string[]; definition: SettingsSpec[string] }>();
  for (const name of SUBGRAPH_NAMES)
    for (const [variable, definition] of Object.entries((await loadDefinition(name)).settings ?? {})) {
      const entry = readers.get(variable) ?? { names: [], definition };
      entry.names.push(name);
      readers.set(variable, entry);
    }
  const groups = new Map<string, SettingsSpec>();
  for (const [variable, { names, definition }] of readers) {
    const title = `Also read by ${names.join(', ').replace(/, ([^,]+)$/, ' and $1')}`;
    groups.set(title, { ...groups.get(title), [variable]: definition });
  }
  sections.push(...groups);
  return [
    REFERENCE_START,
    ...sections.map(([title, spec]) => `#### ${title}\n\n${settingsTable(spec)}`),
    REFERENCE_END,
  ].join('\n\n');
}

/** The README with its reference replaced by `reference`. */
export function withReference(readme: string, reference: string): string {
  const start = readme.indexOf(REFERENCE_START);
  const end = readme.indexOf(REFERENCE_END);
  if (start < 0 || end < start) throw new Error('The README has no settings reference markers.');
  return readme.slice(0, start) + reference + readme.slice(end + REFERENCE_END.length);
}
