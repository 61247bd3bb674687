// Preloaded with `node --import` when /usr/bin/time is missing: at exit, writes this
// process's own resource usage (maxRSS in KB, CPU in microseconds) where the bench asked.
// Worker threads share the process, so their memory is included.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
  // Children of this process (none in briefkit) must not overwrite it.
  delete process.env.BENCH_RUSAGE_FILE;
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, `${JSON.stringify({ maxRSS, userCPUTime, systemCPUTime })}\n`);
  });
}
