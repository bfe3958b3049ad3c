// bench:reconcile's baseline as a process of its own: parse each file named on the command line
// with PapaParse (header row, streamed, as the bench's in-process figure does) and exit.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

let rows = 0;
for (const path of process.argv.slice(2)) {
  await new Promise((resolve, reject) => {
    Papa.parse(createReadStream(path, { highWaterMark: 1 << 20 }), {
      header: true,
      skipEmptyLines: true,
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: resolve,
      error: reject,
    });
  });
}
console.log(`${rows} rows`);
