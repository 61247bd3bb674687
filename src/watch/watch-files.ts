import path from 'node:path';
import { watch } from 'chokidar';
import { createRebuildQueue } from './rebuild-queue.js';

export interface WatchFilesOptions {
  /** Single files: the data file, the config file (which need not exist yet). */
  files: readonly string[];
  /** Folders whose every file counts, one level of subfolders included (templates and partials). */
  folders: readonly string[];
  debounceMs?: number;
  /** Called with the files that changed since the last call, one call at a time. */
  onChange: (changed: string[]) => Promise<void>;
}

export interface WatchHandle {
  /** Resolves once the initial scan is done and changes are being seen. */
  ready: Promise<void>;
  /**
   * Watches more single files from now on (an image the briefing names since the last
   * build); resolves with those not watched before, once changes to them are seen.
   */
  add: (files: readonly string[]) => Promise<string[]>;
  close: () => Promise<void>;
}

/**
 * Watches with chokidar, by folder: a file's folder is watched and events filtered to
 * the file, so an editor's atomic save (write a temporary file, rename it over the old
 * one) and a config file created later are both seen. (Watching the files themselves
 * next to a file that does not exist yet breaks chokidar 4's close after a rename.)
 */
export function watchFiles(options: WatchFilesOptions): WatchHandle {
  const files = new Set(options.files.map((f) => path.resolve(f)));
  const folders = options.folders.map((f) => path.resolve(f));
  const rootsOf = (list: Iterable<string>): string[] => [...new Set([...list].map((f) => path.dirname(f)))];
  const roots = [...new Set([...rootsOf(files), ...folders])];
  const inFolder = (file: string): boolean =>
    folders.some((folder) => {
      const rel = path.relative(folder, file);
      return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) && rel.split(path.sep).length <= 2;
    });
  const relevant = (file: string): boolean => files.has(path.resolve(file)) || inFolder(path.resolve(file));
  const queue = createRebuildQueue(options.debounceMs ?? 150, options.onChange);
  const watcher = watch(roots, {
    ignoreInitial: true,
    depth: 1,
    // Never descend into the rest of the data file's folder (it may hold node_modules).
    ignored: (file) => !roots.includes(path.resolve(file)) && !relevant(file),
  });
  watcher.on('all', (event, file) => {
    if (event !== 'addDir' && event !== 'unlinkDir' && relevant(file)) queue.trigger(file);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    add: async (more) => {
      const added = more.map((f) => path.resolve(f)).filter((f) => !files.has(f));
      added.forEach((f) => files.add(f));
      const newRoots = rootsOf(added).filter((root) => !roots.includes(root));
      if (newRoots.length > 0) {
        roots.push(...newRoots);
        // chokidar scans an added folder before it reports changes in it.
        const scanned = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
        watcher.add(newRoots);
        await Promise.race([scanned, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      }
      return added;
    },
    close: async () => {
      await queue.close();
      await watcher.close();
    },
  };
}
