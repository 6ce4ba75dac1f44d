/** The UTC hour an instant falls in, as `YYYYMMDDHH`: the Python original's probe bucket. */
export function hourBucket(instant: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    String(instant.getUTCFullYear()).padStart(4, '0') +
    pad(instant.getUTCMonth() + 1) +
    pad(instant.getUTCDate()) +
    pad(instant.getUTCHours())
  );
}
