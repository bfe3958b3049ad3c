import { useState } from 'react';
import { desktop } from '../../bridge';
import type { ProblemChunk } from '../../data/import-records';
import { problemsCsv } from '../../data/imports';

export function DownloadProblems({
  problems,
  fileName,
}: {
  problems: ProblemChunk['problems'];
  fileName: string;
}) {
  const [saved, setSaved] = useState<string | null>(null);
  const save = async () => {
    const base = fileName.replace(/\.[^.]+$/, '');
    const result = await desktop.saveFile({
      title: 'Save the problem rows',
      suggestedName: `${base}-problems.csv`,
      contents: problemsCsv(problems),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    setSaved(result.saved ? `Saved ${result.location ?? ''}` : null);
  };
  return (
    <div className="form-row">
      <button type="button" className="button" onClick={() => void save()}>
        Download problem rows (CSV)
      </button>
      {saved ? <span className="import-muted">{saved}</span> : null}
    </div>
  );
}
