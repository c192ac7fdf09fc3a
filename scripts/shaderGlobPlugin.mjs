// esbuild has no import.meta.glob: this plugin inlines the glob of src/engine/shaderSources.ts
// (every shaders/*.wgsl as text) the way Vite does for the page. Used by the bench pack.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const shaderGlobPlugin = {
  name: 'shader-glob',
  setup(build) {
    build.onLoad({ filter: /src[\\/]engine[\\/]shaderSources\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const contents = text.replace(/import\.meta\.glob(?:<[^>]*>)?\(\s*'([^']+)'[^)]*\)/g, (_, pattern) => {
        const folder = dirname(pattern);
        const suffix = pattern.slice(pattern.lastIndexOf('*') + 1);
        const dir = join(dirname(args.path), folder);
        const files = readdirSync(dir).filter((f) => f.endsWith(suffix)).map((f) => [`${folder}/${f}`, readFileSync(join(dir, f), 'utf8')]);
        return JSON.stringify(Object.fromEntries(files));
      });
      return { contents, loader: 'ts' };
    });
  },
};
