// The start read inline in index.html: src/early.ts, bundled on its own into one small script, is
// put into the page's head, and its hash into the Content-Security-Policy's script-src, so the
// browser opens IndexedDB while it is still fetching and compiling the app's JavaScript (issue
// 15, start-up). In development the same file is loaded as a module before the app's entry.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const CSP = /(<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*script-src 'self')/;

async function bundle(entry: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: resolve(entry), formats: ['iife'], name: 'spiegelEarly' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs
    .flatMap((o) => ('output' in o ? o.output : []))
    .find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error(`early-inline: no bundle for ${entry}`);
  return chunk.code.trim();
}

/** The CSP source expression that allows exactly this inline script. */
function scriptHash(code: string): string {
  return `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;
}

export function earlyInline(entry: string): Plugin {
  let serve = false;
  return {
    name: 'spiegel-early-inline',
    configResolved(config) {
      serve = config.command === 'serve';
    },
    transformIndexHtml: {
      // Last, so that nothing changes the page's script after its hash was taken.
      order: 'post',
      async handler(html) {
        if (!CSP.test(html))
          throw new Error("early-inline: index.html has no CSP with script-src 'self'");
        if (serve) {
          return html.replace(
            '<script type="module"',
            `<script type="module" src="/${entry}"></script>\n    <script type="module"`,
          );
        }
        const code = await bundle(entry);
        if (code.includes('</script'))
          throw new Error('early-inline: the bundle cannot be inlined');
        // Right after the policy, whose hash allows it; as an async module it neither stops the
        // parser nor waits for the style sheet, and runs as soon as it is parsed.
        return html
          .replace(CSP, `$1 ${scriptHash(code)}`)
          .replace(
            /(<meta\s+http-equiv="Content-Security-Policy"[^>]*>)/,
            `$1\n    <script type="module" async>${code}</script>`,
          );
      },
    },
  };
}
