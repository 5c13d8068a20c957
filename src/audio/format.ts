/** Durations and sizes as members read them, in English and Japanese. */
/** "45 s", "10 min", "12 min 5 s", "3 h 2 min" — rounded up so a clip just over a limit never reads as equal to it. */
export function formatDuration(seconds: number): string {
  const total = Math.ceil(seconds);
  if (total < 60) return `${total} s`;
  if (total >= 3600) {
    const min = Math.ceil(total / 60);
    return min % 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min / 60} h`;
  }
  const min = Math.floor(total / 60);
  const sec = total % 60;
  return sec ? `${min} min ${sec} s` : `${min} min`;
}

/** The same in Japanese: 「45秒」「10分」「12分5秒」「3時間2分」. */
export function formatDurationJa(seconds: number): string {
  return formatDuration(seconds).replace(/ h/u, '時間').replace(/ min/u, '分').replace(/ s/u, '秒').replace(/ /gu, '');
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
