import { createWriteStream } from 'node:fs';

/**
 * A seeded job log shaped like the scenarios' (same twelve columns, about 160 bytes a row, so a
 * million rows are the "about 150 MB" of the import target): 20 jobs per account, 30 days, ~12%
 * failed, canceled, timed out or aborted.
 */
export async function generateJobs(path: string, rows: number, seedValue = 0x2545f491): Promise<void> {
  let seed = seedValue;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(
    'job_id,account_email,created_at,completed_at,status,error_code,error_message,output_url,output_delivered,credits_charged,model,component\n',
  );
  const accounts = Math.max(1, Math.floor(rows / 20));
  const start = Date.UTC(2026, 2, 1);
  const span = 30 * 86_400_000;
  const models = ['vy-motion-2', 'vy-motion-3', 'vy-still-1'];
  const components = ['render', 'queue', 'upscale', 'storage'];
  const errors = [
    ['GPU_OOM', 'CUDA out of memory while rendering frame 112'],
    ['TIMEOUT', 'worker did not finish within 600 s'],
    ['NSFW', 'prompt rejected by the content policy'],
    ['BAD_INPUT', 'image could not be decoded, "PNG" header missing'],
  ];
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const created = start + Math.floor(random() * span);
    const startedAt = created + 2000 + Math.floor(random() * 30_000);
    const completed = startedAt + 20_000 + Math.floor(random() * 240_000);
    const r = random();
    const status =
      r < 0.88
        ? 'succeeded'
        : r < 0.94
          ? 'failed'
          : r < 0.96
            ? 'canceled'
            : r < 0.98
              ? 'timed_out'
              : 'aborted';
    const id = `job_${i.toString(36).padStart(7, '0')}`;
    const err = status === 'succeeded' ? null : errors[Math.floor(random() * errors.length)]!;
    const delivered = status === 'succeeded' ? (random() < 0.995 ? 'true' : 'false') : 'false';
    chunk += `${id},creator${Math.floor(random() * accounts)}@mail.test,${new Date(created).toISOString()},${new Date(completed).toISOString()},${status},${err ? err[0] : ''},${err ? `"${err[1]!.replace(/"/g, '""')}"` : ''},${status === 'succeeded' ? `https://cdn.example/${id}.mp4` : ''},${delivered},${5 + Math.floor(random() * 36)},${models[i % 3]},${components[Math.floor(random() * 4)]}\n`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}
