// Messages with a way on (docs/design.md#bad-input-has-a-way-on): which engine runs and why, the first error (lost device,
// diverged run, engine failure) with its button, and the corrections made to the opening link. Each is a
// message of the `messages` catalogue, translated as it renders (docs/i18n.md#catalogues).
import { Trans, useTranslation } from 'react-i18next';
import { continueOnCpu, dismissEngineNotice, dismissNotice, resetRun, switchEngine } from '../state/actions';
import { CPU_SIZES } from '../story/chapters';
import { formatCount } from '../format/format';
import { useTranslateMessage } from '../i18n/translateMessage';
import { useAppStore } from '../state/useAppStore';
import { useUpdateReady } from './updateNotice';

/** Corrections listed in the notice; the rest are counted. */
const SHOWN_CORRECTIONS = 12;
const STRONG = { strong: <strong /> };

/** The CPU engine's sizes as the link writes their keys: "width 64, batch 256, particles 500". */
function cpuSizeText(): string {
  return Object.entries(CPU_SIZES).map(([k, v]) => `${k} ${typeof v === 'number' ? formatCount(v) : String(v)}`).join(', ');
}

function EngineBanner() {
  const { t } = useTranslation();
  const say = useTranslateMessage();
  const phase = useAppStore((s) => s.engine.phase);
  const kind = useAppStore((s) => s.engine.kind);
  const software = useAppStore((s) => s.engine.software);
  const adapter = useAppStore((s) => s.engine.adapterName);
  const reason = useAppStore((s) => s.engine.fallbackReason);
  const choice = useAppStore((s) => s.engineChoice);
  if (phase === 'starting') return <div className="banner info" role="status">{t('messages:banner.starting')}</div>;
  if (kind === 'cpu' && choice) {
    return (
      <div className="banner info" role="status" data-testid="engine-choice">
        <span><Trans t={t} i18nKey="messages:banner.cpuChosen" values={{ reason: say(choice) }} components={STRONG} /></span>
        <button type="button" onClick={() => switchEngine('gpu')} data-testid="use-gpu">{t('messages:banner.useGpu')}</button>
      </div>
    );
  }
  if (kind === 'cpu' && reason) {
    return (
      <div className="banner warn" role="status" data-testid="cpu-banner">
        <span><Trans t={t} i18nKey="messages:banner.cpuFallback" values={{ reason: say(reason), sizes: cpuSizeText() }} components={STRONG} /></span>
      </div>
    );
  }
  if (kind === 'gpu' && software) {
    return (
      <div className="banner warn" role="status" data-testid="software-banner">
        <span><Trans t={t} i18nKey="messages:banner.softwareAdapter" values={{ adapter }} components={STRONG} /></span>
      </div>
    );
  }
  return null;
}

function ErrorBanner() {
  const { t } = useTranslation();
  const translate = useTranslateMessage();
  const error = useAppStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="banner error" role="alert" data-testid={`error-${error.kind}`}>
      <span>{translate(error.message)}</span>
      {error.kind === 'diverged' && <button type="button" onClick={() => resetRun()}>{t('messages:banner.reset')}</button>}
      {error.kind === 'device-lost' && <button type="button" onClick={() => continueOnCpu()}>{t('messages:banner.continueOnCpu')}</button>}
      {error.kind === 'worker-lost' && <button type="button" onClick={() => continueOnCpu()}>{t('messages:banner.restart')}</button>}
      {error.kind === 'engine' && <button type="button" onClick={() => continueOnCpu()}>{t('messages:banner.restartOnCpu')}</button>}
    </div>
  );
}

/** Says which engine a run moved to (after "Continue on CPU"), until dismissed. */
function EngineNotice() {
  const { t } = useTranslation();
  const translate = useTranslateMessage();
  const notice = useAppStore((s) => s.engineNotice);
  if (!notice) return null;
  return (
    <div className="banner notice" role="status" data-testid="engine-notice">
      <span>{translate(notice)}</span>
      <button type="button" onClick={() => dismissEngineNotice()}>{t('messages:banner.dismiss')}</button>
    </div>
  );
}

function CorrectionsNotice() {
  const { t } = useTranslation();
  const translate = useTranslateMessage();
  const corrections = useAppStore((s) => s.corrections);
  const dismissed = useAppStore((s) => s.noticeDismissed);
  if (dismissed || corrections.length === 0) return null;
  return (
    <div className="banner notice" role="status" data-testid="link-notice">
      <div>
        <Trans t={t} i18nKey="messages:banner.linkCorrected" components={STRONG} />
        <ul>{corrections.slice(0, SHOWN_CORRECTIONS).map((c, i) => <li key={i}>{translate(c)}</li>)}</ul>
        {corrections.length > SHOWN_CORRECTIONS && <p>{t('messages:banner.more', { more: formatCount(corrections.length - SHOWN_CORRECTIONS) })}</p>}
      </div>
      <button type="button" onClick={() => dismissNotice()} data-testid="dismiss-notice">{t('messages:banner.dismiss')}</button>
    </div>
  );
}

/** A new deployment is cached and waits: this page keeps its version until the reader reloads. */
function UpdateNotice() {
  const { t } = useTranslation();
  const apply = useUpdateReady();
  if (!apply) return null;
  return (
    <div className="banner notice" role="status" data-testid="update-notice">
      <span>{t('messages:banner.updateReady')}</span>
      <button type="button" onClick={() => apply()} data-testid="update-reload">{t('messages:banner.reload')}</button>
    </div>
  );
}

export function Banners() {
  return (
    <div className="banners">
      <UpdateNotice />
      <ErrorBanner />
      <EngineBanner />
      <EngineNotice />
      <CorrectionsNotice />
    </div>
  );
}
