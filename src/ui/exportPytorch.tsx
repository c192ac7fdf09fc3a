// "Export to PyTorch" (Share dialog): downloads the same script as `flowvar export "<link>"`. The
// template and generator load on the first click, so the page's first load does not carry them; a
// failed load (e.g. offline before that chunk was cached) is said under the button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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

export function PytorchExportButton({ config }: { config: RunConfig }) {
  const { t } = useTranslation();
  /** why the script could not be made; the sentence around it is said at render */
  const [failure, setFailure] = useState<string | null>(null);
  const run = () => {
    setFailure(null);
    downloadPytorchScript(config).catch((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      <button type="button" onClick={run} data-testid="share-pytorch" title={t('pytorch.hint')}>{t('pytorch.button')}</button>
      {failure && <p className="hint" role="alert" data-testid="share-pytorch-error">{t('pytorch.failed', { reason: failure })}</p>}
    </>
  );
}
