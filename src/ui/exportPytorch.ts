// "Export to PyTorch" (Share dialog): downloads the same script as `flowvar export "<link>"`. The
// template and generator load on the first click, so the page's first load does not carry them.
import type { RunConfig } from '../engine/runConfig';
import { encodeConfig } from '../link/url';
import { download } from '../panels/exportPanel';

export async function downloadPytorchScript(config: RunConfig): Promise<void> {
  const [{ pytorchScript, SCRIPT_NAME }, { SCRIPT_TEMPLATE }] = await Promise.all([
    import('../export/pytorchScript'), import('../export/templateBrowser'),
  ]);
  const { text } = pytorchScript(SCRIPT_TEMPLATE, encodeConfig(config));
  download(SCRIPT_NAME, new Blob([text], { type: 'text/x-python' }));
}
