/**
 * An Astro integration that keeps the content data store out of the build's bundle.
 *
 * Astro 5 bundles its content data store (cacheDir/data-store.json) as a JavaScript module
 * written out as one huge object literal, which Rollup then parses into an AST of every value
 * of every report: seconds and gigabytes at thousands of reports. Astro later wrote it as
 * `JSON.parse("…")` (withastro/astro#17223), one string for Rollup; but that string, tens of
 * megabytes of Chinese at 10,000 reports (two bytes a character in memory), is still held by
 * every stage of the bundler and written into the server chunk. Here the module reads the
 * store file when the pages are rendered instead: the build only ever renders pages on this
 * machine, right after the store is written (the site is static; no server runs the chunk).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const DATA_STORE_MODULE = '\0astro:data-layer-content';
const ASTRO_PLUGIN = 'astro-content-virtual-mod-plugin';
const NAME = 'minsheng:data-store-from-file';
const MARK = "import { readFileSync } from 'node:fs';";

export function dataStoreFromFile(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return; // the dev server keeps its store elsewhere and reloads it live
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        // No store yet: Astro's empty module stands.
        const load = (): string | undefined =>
          existsSync(file) ? `${MARK}\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));` : undefined;
        const plugin: Plugin = {
          name: NAME,
          enforce: 'pre',
          // Placed before Astro's own loader of the module, so the object literal is never written.
          configResolved(resolved) {
            const plugins = resolved.plugins as Plugin[];
            const astro = plugins.findIndex((p) => p.name === ASTRO_PLUGIN);
            const mine = plugins.indexOf(plugin);
            if (astro >= 0 && mine > astro) plugins.splice(astro, 0, ...plugins.splice(mine, 1));
          },
          load(id) {
            if (id !== DATA_STORE_MODULE) return;
            const code = load();
            return code && { code, map: { mappings: '' } };
          },
          // Should Astro's loader still come first (another Vite), its output is replaced here.
          transform(code, id) {
            if (id !== DATA_STORE_MODULE || code.startsWith(MARK)) return;
            const fromFile = load();
            return fromFile && { code: fromFile, map: { mappings: '' } };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
