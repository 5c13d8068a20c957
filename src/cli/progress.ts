/** A plain-text progress bar for downloads: redrawn in place on a terminal, one line per 25% otherwise. */
export function createProgressPrinter(stream: NodeJS.WriteStream) {
  const lastQuarter = new Map<string, number>();
  return (event: unknown) => {
    const e = event as { status?: string; file?: string; name?: string; progress?: number; loaded?: number; total?: number };
    if (e.status !== 'progress' && e.status !== 'done') return;
    const file = `${e.name ?? ''}/${e.file ?? ''}`;
    const percent = e.status === 'done' ? 100 : Math.min(100, Math.max(0, e.progress ?? 0));
    const size = e.total
      ? ` ${(e.loaded ?? 0) / 1e6 < 0.1 ? '<0.1' : ((e.loaded ?? 0) / 1e6).toFixed(1)}/${(e.total / 1e6).toFixed(1)} MB`
      : '';
    const width = 24;
    const bar = '#'.repeat(Math.round((percent / 100) * width)).padEnd(width, '.');
    const line = `[${bar}] ${percent.toFixed(0).padStart(3)}%${size}  ${file}`;
    if (stream.isTTY) {
      stream.write(`\r${line.padEnd(stream.columns ? stream.columns - 1 : 100)}${percent === 100 ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor(percent / 25);
    if ((lastQuarter.get(file) ?? -1) < quarter) {
      lastQuarter.set(file, quarter);
      stream.write(`${line}\n`);
    }
  };
}
