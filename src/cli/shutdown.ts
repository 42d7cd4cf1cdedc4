/**
 * Graceful shutdown on SIGTERM/SIGINT: run the close sequence once, bounded by a deadline; a second signal
 * exits at once.
 */
import type { Logger } from '../log.js';

/** Installs the signal handlers; `close` runs once, then the process exits with code 0 (1 if it failed). */
export function exitOnSignals(close: () => Promise<void>, logger: Logger, deadlineMs = 20_000): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (closing) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    closing = true;
    logger.info({ signal }, 'shutting down: no new jobs, finishing in-flight commits');
    const deadline = setTimeout(() => {
      logger.error('shutdown deadline passed; exiting');
      process.exit(1);
    }, deadlineMs);
    close().then(
      () => {
        clearTimeout(deadline);
        logger.info('shut down cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
