/**
 * An Astro integration that makes the bundled content data store one string literal.
 *
 * Astro 5 bundles its content data store (cacheDir/data-store.json) as a JavaScript module
 * written out as one huge object literal, which Rollup then parses into an AST of every value
 * of every report: seconds and gigabytes at thousands of reports. The same module written as
 * `JSON.parse("…")` is one string for Rollup and is faster to evaluate; Astro itself made this
 * change later (withastro/astro#17223).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const DATA_STORE_MODULE = '\0astro:data-layer-content';
const ASTRO_PLUGIN = 'astro-content-virtual-mod-plugin';
const NAME = 'minsheng:compact-data-store';

export function compactDataStore(): AstroIntegration {
  return {
    name: NAME,
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return; // the dev server keeps its store elsewhere and reloads it live
        const file = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const load = (): string | undefined => {
          try { return `export default JSON.parse(${JSON.stringify(readFileSync(file, 'utf8'))});`; } catch { return undefined; } // no store yet: Astro's empty module stands
        };
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
            if (id !== DATA_STORE_MODULE || code.startsWith('export default JSON.parse(')) return;
            const compact = load();
            return compact && { code: compact, map: { mappings: '' } };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
