// SIGINT (Ctrl-C) and SIGTERM for a long command: the first one aborts `signal`, so the command
// evaluates what has trained, prints it marked partial and exits 130; a second one ends the
// process the usual way (the handlers are gone by then).
export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

export function interruptSignal(): Interrupt {
  const controller = new AbortController();
  const stop = () => {
    dispose();
    process.stderr.write('# stopping: finishing the block in flight, then evaluating (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  const dispose = () => { process.off('SIGINT', stop); process.off('SIGTERM', stop); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { signal: controller.signal, dispose };
}
