/**
 * How this code runs: from its TypeScript sources (tsx in development, vitest in tests) or from
 * the build (plain `node`, in production). A process or worker thread started from here runs the
 * same way, so a test exercises sources and a deployment its build.
 */
export const runningFromSources = import.meta.url.endsWith('.ts');

/** The package export condition under which workspaces expose their sources instead of `dist/`. */
export const SOURCE_CONDITION = '@nuage/source';

/** Node options a child process or worker needs to run the sources (none for the build). */
export const childExecArgv: string[] = runningFromSources
  ? [`--conditions=${SOURCE_CONDITION}`, '--import', 'tsx']
  : [];

/** A workspace module's entry file, `src/<name>.ts` from sources or `dist/<name>.js` from the build. */
export const entryOf = (workspace: string, name: string): string =>
  runningFromSources ? `${workspace}/src/${name}.ts` : `${workspace}/dist/${name}.js`;
