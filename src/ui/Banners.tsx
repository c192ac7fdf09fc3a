// Messages with a way on (docs/design.md#bad-input-has-a-way-on): which engine runs and why, the first error (lost device,
// diverged run, engine failure) with its button, and the corrections made to the opening link.
import { continueOnCpu, dismissEngineNotice, dismissNotice, resetRun, switchEngine } from '../state/actions';
import { CPU_SIZES } from '../story/chapters';
import { useAppStore } from '../state/useAppStore';
import { useUpdateReady } from './updateNotice';

const CPU_SIZE_TEXT = Object.entries(CPU_SIZES).map(([k, v]) => `${k} ${v}`).join(', ');

function EngineBanner() {
  const phase = useAppStore((s) => s.engine.phase);
  const kind = useAppStore((s) => s.engine.kind);
  const software = useAppStore((s) => s.engine.software);
  const adapter = useAppStore((s) => s.engine.adapterName);
  const reason = useAppStore((s) => s.engine.fallbackReason);
  const choice = useAppStore((s) => s.engineChoice);
  if (phase === 'starting') return <div className="banner info" role="status">Starting the engine…</div>;
  if (kind === 'cpu' && choice) {
    return (
      <div className="banner info" role="status" data-testid="engine-choice">
        <span><strong>Running on the CPU engine</strong> (Web Worker): {choice}.</span>
        <button type="button" onClick={() => switchEngine('gpu')} data-testid="use-gpu">Use the GPU instead</button>
      </div>
    );
  }
  if (kind === 'cpu' && reason) {
    return (
      <div className="banner warn" role="status" data-testid="cpu-banner">
        <span>
          <strong>Running on the CPU engine</strong> in a Web Worker ({reason}). Same math, much slower: the chapters use
          smaller sizes ({CPU_SIZE_TEXT}).
        </span>
      </div>
    );
  }
  if (kind === 'gpu' && software) {
    return (
      <div className="banner warn" role="status" data-testid="software-banner">
        <span>WebGPU runs on a <strong>software adapter</strong> ({adapter}): correct but slow. A hardware GPU trains many times faster.</span>
      </div>
    );
  }
  return null;
}

function ErrorBanner() {
  const error = useAppStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="banner error" role="alert" data-testid={`error-${error.kind}`}>
      <span>{error.message}</span>
      {error.kind === 'diverged' && <button type="button" onClick={() => resetRun()}>Reset</button>}
      {error.kind === 'device-lost' && <button type="button" onClick={() => continueOnCpu()}>Continue on CPU</button>}
      {error.kind === 'worker-lost' && <button type="button" onClick={() => continueOnCpu()}>Restart</button>}
      {error.kind === 'engine' && <button type="button" onClick={() => continueOnCpu()}>Restart on CPU</button>}
    </div>
  );
}

/** Says which engine a run moved to (after "Continue on CPU"), until dismissed. */
function EngineNotice() {
  const notice = useAppStore((s) => s.engineNotice);
  if (!notice) return null;
  return (
    <div className="banner notice" role="status" data-testid="engine-notice">
      <span>{notice}</span>
      <button type="button" onClick={() => dismissEngineNotice()}>Dismiss</button>
    </div>
  );
}

function CorrectionsNotice() {
  const corrections = useAppStore((s) => s.corrections);
  const dismissed = useAppStore((s) => s.noticeDismissed);
  if (dismissed || corrections.length === 0) return null;
  return (
    <div className="banner notice" role="status" data-testid="link-notice">
      <div>
        <strong>The link had settings that could not be used as written.</strong> Opened the nearest valid run:
        <ul>{corrections.slice(0, 12).map((c, i) => <li key={i}>{c}</li>)}</ul>
        {corrections.length > 12 && <p>…and {corrections.length - 12} more.</p>}
      </div>
      <button type="button" onClick={() => dismissNotice()} data-testid="dismiss-notice">Dismiss</button>
    </div>
  );
}

/** A new deployment is cached and waits: this page keeps its version until the reader reloads. */
function UpdateNotice() {
  const apply = useUpdateReady();
  if (!apply) return null;
  return (
    <div className="banner notice" role="status" data-testid="update-notice">
      <span>A new version is ready:</span>
      <button type="button" onClick={() => apply()} data-testid="update-reload">Reload</button>
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
