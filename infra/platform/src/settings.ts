import { z } from 'zod';

/**
 * One setting a service reads from its environment: its type (a zod schema over the raw text),
 * its default or whether it is required, and what it is for — the README's reference table is
 * printed from these (`settingsTable`), and a test keeps the two equal.
 */
export interface Setting<T> {
  schema: z.ZodType<T>;
  description: string;
  /** Used when the variable is unset or empty; a setting without one is required. */
  default?: T;
  /** How the default reads in the table, when it is computed or long. */
  shownDefault?: string;
  /** A credential: its value is never printed (bad values are named, not echoed). */
  secret?: boolean;
}

/** A service's settings, by environment variable. */
export type SettingsSpec = Record<string, Setting<unknown>>;
export type SettingsOf<S extends SettingsSpec> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Declares a setting (keeps its value type). */
export const setting = <T>(definition: Setting<T>): Setting<T> => definition;

/** The settings found wrong at start, all of them, each named with why. */
export class SettingsError extends Error {
  constructor(
    service: string,
    readonly problems: string[],
  ) {
    super(`Invalid settings for ${service}:\n  ${problems.join('\n  ')}`);
    this.name = 'SettingsError';
  }
}

/** Reads and checks every setting of `spec`; throws one {@link SettingsError} naming each bad or missing value. */
export function readSettings<S extends SettingsSpec>(
  service: string,
  spec: S,
  env: NodeJS.ProcessEnv = process.env,
): SettingsOf<S> {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [variable, definition] of Object.entries(spec)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') {
      if (definition.default === undefined && !definition.schema.safeParse(undefined).success)
        problems.push(`${variable} is required: ${definition.description}`);
      values[variable] = definition.default;
      continue;
    }
    const parsed = definition.schema.safeParse(raw);
    if (parsed.success) values[variable] = parsed.data;
    else {
      const shown = definition.secret ? '(secret)' : JSON.stringify(raw);
      problems.push(`${variable}=${shown}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
    }
  }
  if (problems.length) throw new SettingsError(service, problems);
  return values as SettingsOf<S>;
}

/** The reference table of a spec, as Markdown rows: variable, default (or "required"), description. */
export function settingsTable(spec: SettingsSpec): string {
  const rows = Object.entries(spec).map(([variable, definition]) => {
    const shown =
      definition.shownDefault ??
      (definition.default === undefined
        ? definition.schema.safeParse(undefined).success
          ? '—'
          : '**required**'
        : `\`${Array.isArray(definition.default) ? definition.default.join(',') : String(definition.default)}\``);
    return `| \`${variable}\` | ${shown} | ${definition.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| variable | default | what it sets |', '| --- | --- | --- |', ...rows].join('\n');
}

/** A comma-separated list, blanks around items and empty items ignored, each item of `item`'s type. */
const commaList = <T>(item: z.ZodType<T, string>) =>
  z
    .string()
    .transform((text) =>
      text
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item));

/** Value types shared by the services' settings. */
export const settingTypes = {
  commaList,
  port: z.coerce.number().int().min(1).max(65_535),
  wholeNumber: z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform((text) => Number(text)),
  url: (protocols: RegExp) => z.url({ protocol: protocols }),
  onOff: z.enum(['on', 'off']).transform((value) => value === 'on'),
  /** Comma-separated, at least one: the first is used, all are accepted (key rotation). */
  keys: commaList(z.string().min(32, 'each key must have at least 32 characters')).refine(
    (keys) => keys.length > 0,
    'at least one key',
  ),
  text: z.string(),
  optionalText: z.string().optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  environment: z.enum(['development', 'production']),
};
