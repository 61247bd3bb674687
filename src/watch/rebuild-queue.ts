export interface RebuildQueue {
  /** A watched file changed: rebuild once things have been quiet for the delay. */
  trigger: (file: string) => void;
  /** Stops scheduling and waits for a rebuild in progress to finish. */
  close: () => Promise<void>;
}

/**
 * Debounces changes and never runs two rebuilds at once: an editor's save can fire
 * several events, and a change during a rebuild queues exactly one more rebuild,
 * which then sees every file that changed in the meantime.
 */
export function createRebuildQueue(
  delayMs: number,
  rebuild: (changed: string[]) => Promise<void>,
): RebuildQueue {
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;

  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(fire, delayMs);
  };
  const fire = (): void => {
    timer = undefined;
    if (running || closed) return; // the run in progress schedules the next one
    const changed = [...pending];
    pending.clear();
    running = rebuild(changed)
      .catch(() => {}) // the rebuild reports its own errors; watching goes on
      .finally(() => {
        running = undefined;
        if (pending.size > 0 && !closed) schedule();
      });
  };

  return {
    trigger: (file) => {
      if (closed) return;
      pending.add(file);
      schedule();
    },
    close: async () => {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
