/**
 * What the benchmark ran on and how much it used: CPU, memory, node version, commit, process peak RSS,
 * size of a directory on disk. Linux-specific where it reads /proc; elsewhere the fields say "unknown".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem, release, platform } from 'node:os';
import { join } from 'node:path';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  os: string;
  node: string;
  gitCommit: string;
  date: string;
  /** 1-minute load average when the run started: other work on the machine inflates wall-clock figures. */
  loadAverageAtStart: number;
}

export function describeMachine(): MachineInfo {
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    memoryBytes: totalmem(),
    os: `${platform()} ${release()}`,
    node: process.version,
    gitCommit: gitCommit(),
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg()[0],
  };
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // Not Linux: fall back to what node reports.
  }
  return cpus()[0]?.model ?? 'unknown';
}

function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const isDirty =
      execFileSync('git', ['status', '--porcelain', '--', 'src'], { encoding: 'utf8' }).trim() !== '';
    return isDirty ? `${head} (src/ has uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

/** Peak resident set size (VmHWM) of a live process, in bytes; undefined when /proc is not readable. */
export function peakRssBytes(pid: number): number | undefined {
  return procStatusBytes(pid).VmHWM;
}

export interface RssBreakdown {
  /** Peak of the whole resident set over the samples. */
  rssBytes: number;
  /** Peak of anonymous memory (JS heap, SQLite page cache, buffers). */
  anonBytes: number;
  /** Peak of resident file-backed pages (memory-mapped database, code). */
  fileBytes: number;
}

/**
 * Samples /proc/<pid>/status every `intervalMs` to keep the peaks of the anonymous and file-backed parts
 * of the resident set, which VmHWM does not separate (a memory-mapped database counts in RSS). With
 * several processes, each sample adds them up (file-backed pages shared between them count once each).
 */
export function sampleRss(pids: number[], intervalMs = 100): { stop(): RssBreakdown } {
  const peak: RssBreakdown = { rssBytes: 0, anonBytes: 0, fileBytes: 0 };
  const sample = (): void => {
    const statuses = pids.map(procStatusBytes);
    const total = (field: 'VmRSS' | 'RssAnon' | 'RssFile') =>
      statuses.reduce((sum, status) => sum + (status[field] ?? 0), 0);
    peak.rssBytes = Math.max(peak.rssBytes, total('VmRSS'));
    peak.anonBytes = Math.max(peak.anonBytes, total('RssAnon'));
    peak.fileBytes = Math.max(peak.fileBytes, total('RssFile'));
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

function procStatusBytes(pid: number): Partial<Record<'VmHWM' | 'VmRSS' | 'RssAnon' | 'RssFile', number>> {
  const values: Partial<Record<string, number>> = {};
  try {
    for (const match of readFileSync(`/proc/${pid}/status`, 'utf8').matchAll(/^(\w+):\s+(\d+) kB$/gm)) {
      values[match[1]] = Number(match[2]) * 1024;
    }
  } catch {
    // Not Linux or the process is gone: the figures stay undefined.
  }
  return values;
}

/**
 * CPU time (user + system) a live process has used, in seconds, from /proc/<pid>/stat; NaN when unreadable.
 * Unlike latencies, it does not grow when other processes compete for the CPU.
 */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (in clock ticks).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/** USER_HZ on Linux is 100 on every mainstream architecture (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SECOND = 100;

/** Total size in bytes of the files under a directory, and the size of each top-level file. */
export function directorySize(dir: string): { totalBytes: number; files: Record<string, number> } {
  const files: Record<string, number> = {};
  let totalBytes = 0;
  const walk = (path: string, name: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path))
        walk(join(path, entry), name === '' ? entry : `${name}/${entry}`);
      return;
    }
    files[name] = stat.size;
    totalBytes += stat.size;
  };
  walk(dir, '');
  return { totalBytes, files };
}
