// One import at a time: upload the file, then follow its job every 500 ms until it is done. The job's
// progress is also on the live stream, but polling is simpler and enough for a file.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../api/index.ts';
import { type ImportFormat, type ImportJob, getImportJob, uploadImport } from './integrations-api.ts';

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'uploading'; fileName: string }
  | { kind: 'running'; job: ImportJob }
  | { kind: 'done'; job: ImportJob }
  | { kind: 'refused'; error: unknown };

const POLL_MS = 500;

export function useImportJob(projectId: string) {
  const client = useQueryClient();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const cancel = useRef<AbortController | null>(null);
  useEffect(() => () => cancel.current?.abort(), []);

  const start = useCallback(
    async (file: File, format: ImportFormat | 'auto') => {
      cancel.current?.abort();
      const controller = new AbortController();
      cancel.current = controller;
      setState({ kind: 'uploading', fileName: file.name });
      try {
        let job = await uploadImport(projectId, file, format);
        while (job.status === 'queued' || job.status === 'running') {
          setState({ kind: 'running', job });
          await new Promise((r) => setTimeout(r, POLL_MS));
          if (controller.signal.aborted) return;
          job = await getImportJob(job.id, controller.signal);
        }
        if (controller.signal.aborted) return;
        setState({ kind: 'done', job });
        if (job.status === 'succeeded')
          await client.invalidateQueries({ queryKey: queryKeys.project(projectId) });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({ kind: 'refused', error });
      }
    },
    [client, projectId],
  );

  const reset = useCallback(() => {
    cancel.current?.abort();
    setState({ kind: 'idle' });
  }, []);

  return { state, start, reset };
}
