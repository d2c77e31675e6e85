/** Where the test builds of the site live (built once by tests/setup/build-site.ts). */
export const BUILDS = {
  root: { outDir: 'dist-test/root', base: '/' },
  base: { outDir: 'dist-test/base', base: '/minsheng-report/' },
} as const;
