import { useEffect, useState } from 'react';
import type { FarmJobView } from '../../src-shared/farm/farm-job-view';
import { useStudio } from '../state/studio-context';

type Video = { readonly state: 'none' } | { readonly state: 'loading' } | { readonly state: 'ready'; readonly url: string; readonly fileName: string } | { readonly state: 'failed'; readonly message: string };

/**
 * A finished job's video where the page cannot open a file manager (the web host): its full path
 * on the computer that runs the services (Copy path), and the video itself, read from the storage
 * folder the user chose (queue:read-output), to play in the studio or download.
 */
export function QueueResult({ job }: { readonly job: FarmJobView }) {
  const { studio } = useStudio();
  const [video, setVideo] = useState<Video>({ state: 'none' });
  const url = video.state === 'ready' ? video.url : null;
  useEffect(() => () => {
    if (url !== null) URL.revokeObjectURL(url);
  }, [url]);

  const load = async () => {
    setVideo({ state: 'loading' });
    const result = await studio.queue.readOutput({ jobId: job.id });
    if (result.ok) setVideo({ state: 'ready', url: URL.createObjectURL(new Blob([result.value.data], { type: 'video/mp4' })), fileName: result.value.fileName });
    else setVideo({ state: 'failed', message: result.error.message });
  };

  return (
    <div className="queue-result" data-testid="queue-result">
      <div className="queue-result-path">
        Saved on the computer that runs the studio service: <code data-testid="queue-result-path">{job.outputLocation}</code>
        <button type="button" className="link-button" data-testid="queue-result-copy" onClick={() => void navigator.clipboard?.writeText(job.outputLocation)}>
          Copy path
        </button>
      </div>
      {video.state === 'none' && (
        <button type="button" className="button" data-testid="queue-result-play" onClick={() => void load()}>
          Play here
        </button>
      )}
      {video.state === 'loading' && <p className="field-hint">Reading the video…</p>}
      {video.state === 'failed' && (
        <p className="field-error" role="alert" data-testid="queue-result-error">
          {video.message}
        </p>
      )}
      {video.state === 'ready' && (
        <>
          <video className="queue-result-video" data-testid="queue-result-video" src={video.url} controls autoPlay muted />
          <a className="button" data-testid="queue-result-download" href={video.url} download={video.fileName}>
            Download {video.fileName}
          </a>
        </>
      )}
    </div>
  );
}
