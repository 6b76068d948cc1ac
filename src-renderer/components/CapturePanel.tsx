import { useEffect, useRef, useState } from 'react';
import type { CaptureDevices } from '../capture/media-devices';
import { describeCaptureError, listCaptureDevices, openStream, stopStream } from '../capture/media-devices';
import { followLandmarks } from '../capture/preview-landmarks';
import { TakeRecorder } from '../capture/take-recorder';
import { useStudio } from '../state/studio-context';
import { Modal } from './Modal';

/** Seconds counted down before a take starts. */
export const COUNTDOWN_SEC = 3;

type Phase =
  | { readonly kind: 'live' }
  | { readonly kind: 'countdown'; readonly left: number }
  | { readonly kind: 'recording'; readonly startedMs: number }
  | { readonly kind: 'review'; readonly take: Blob; readonly url: string };

/**
 * Webcam capture of a performance: choose camera and microphone, a live preview with the tracked
 * landmarks over it, a countdown, record, stop, retake; "Use take" imports the take (video + sound)
 * into the project's assets as its performance video, which then drives the photo.
 */
export function CapturePanel({ onClose }: { readonly onClose: () => void }) {
  const { studio, files } = useStudio();
  const [devices, setDevices] = useState<CaptureDevices>({ cameras: [], microphones: [] });
  const [cameraId, setCameraId] = useState<string | null>(null);
  const [microphoneId, setMicrophoneId] = useState<string | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'live' });
  const [faceInView, setFaceInView] = useState(false);
  const [takeNumber, setTakeNumber] = useState(1);
  const [elapsedSec, setElapsedSec] = useState(0);
  const video = useRef<HTMLVideoElement>(null);
  const overlay = useRef<HTMLCanvasElement>(null);
  const recorder = useRef<TakeRecorder | null>(null);

  // The chosen devices' stream; the devices get their names once access is allowed.
  useEffect(() => {
    let live: MediaStream | null = null;
    let cancelled = false;
    openStream(cameraId, microphoneId)
      .then(async (opened) => {
        if (cancelled) return stopStream(opened);
        live = opened;
        setStream(opened);
        setProblem(null);
        setDevices(await listCaptureDevices());
      })
      .catch((error: unknown) => !cancelled && setProblem(describeCaptureError(error)));
    return () => {
      cancelled = true;
      stopStream(live);
    };
  }, [cameraId, microphoneId]);

  useEffect(() => {
    const element = video.current;
    const canvas = overlay.current;
    if (!element || !canvas || !stream || phase.kind === 'review') return;
    element.srcObject = stream;
    void element.play().catch(() => {});
    return followLandmarks(studio, element, canvas, setFaceInView);
  }, [stream, studio, phase.kind]);

  // Countdown ticks, then the take starts.
  useEffect(() => {
    if (phase.kind !== 'countdown' || !stream) return;
    const timer = setTimeout(() => {
      if (phase.left > 1) return setPhase({ kind: 'countdown', left: phase.left - 1 });
      recorder.current = new TakeRecorder(stream);
      setPhase({ kind: 'recording', startedMs: performance.now() });
    }, 1000);
    return () => clearTimeout(timer);
  }, [phase, stream]);

  useEffect(() => {
    if (phase.kind !== 'recording') return;
    const timer = setInterval(() => setElapsedSec((performance.now() - phase.startedMs) / 1000), 250);
    return () => clearInterval(timer);
  }, [phase]);

  useEffect(() => () => (phase.kind === 'review' ? URL.revokeObjectURL(phase.url) : undefined), [phase]);

  const stop = async () => {
    const take = await recorder.current?.stop();
    recorder.current = null;
    if (take) setPhase({ kind: 'review', take, url: URL.createObjectURL(take) });
  };
  const retake = () => {
    setTakeNumber((n) => n + 1);
    setElapsedSec(0);
    setPhase({ kind: 'live' });
  };
  const use = () => {
    if (phase.kind !== 'review') return;
    const file = new File([phase.take], TakeRecorder.fileName(phase.take, takeNumber), { type: phase.take.type });
    onClose();
    void files.importFile(file, 'performance-video');
  };
  const close = () => {
    void recorder.current?.stop();
    onClose();
  };

  const busy = phase.kind === 'countdown' || phase.kind === 'recording';
  return (
    <Modal
      title="Record a performance"
      testId="capture-panel"
      onCancel={close}
      footer={
        <>
          <button type="button" className="button" data-testid="capture-cancel" onClick={close}>
            Cancel
          </button>
          {phase.kind === 'live' && (
            <button type="button" className="button primary" data-testid="capture-record" disabled={!stream} onClick={() => setPhase({ kind: 'countdown', left: COUNTDOWN_SEC })}>
              Record
            </button>
          )}
          {busy && (
            <button type="button" className="button danger" data-testid="capture-stop" disabled={phase.kind !== 'recording'} onClick={() => void stop()}>
              Stop
            </button>
          )}
          {phase.kind === 'review' && (
            <>
              <button type="button" className="button" data-testid="capture-retake" onClick={retake}>
                Retake
              </button>
              <button type="button" className="button primary" data-testid="capture-use" onClick={use}>
                Use take
              </button>
            </>
          )}
        </>
      }
    >
      <div className="capture-devices">
        <label>
          Camera
          <select data-testid="capture-camera" value={cameraId ?? ''} disabled={busy} onChange={(e) => setCameraId(e.target.value || null)}>
            <option value="">Default camera</option>
            {devices.cameras.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Microphone
          <select data-testid="capture-microphone" value={microphoneId ?? ''} disabled={busy} onChange={(e) => setMicrophoneId(e.target.value || null)}>
            <option value="">Default microphone</option>
            {devices.microphones.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {problem !== null && (
        <p className="field-hint" data-testid="capture-problem">
          {problem}
        </p>
      )}
      <div className="capture-view">
        {phase.kind === 'review' ? (
          <video data-testid="capture-review" src={phase.url} controls playsInline />
        ) : (
          <>
            <video ref={video} data-testid="capture-live" muted playsInline />
            <canvas ref={overlay} className="capture-overlay" data-testid="capture-landmarks" />
          </>
        )}
        {phase.kind === 'countdown' && (
          <div className="capture-countdown" data-testid="capture-countdown">
            {phase.left}
          </div>
        )}
      </div>
      <p className="capture-status" data-testid="capture-status">
        {phase.kind === 'recording'
          ? `Recording take ${takeNumber}: ${elapsedSec.toFixed(1)} s`
          : phase.kind === 'review'
            ? `Take ${takeNumber}: ${(phase.take.size / 1e6).toFixed(1)} MB. Use it, or record it again.`
            : faceInView
              ? 'Face in view. Record when ready: a countdown of 3 s comes first.'
              : 'Looking for a face: sit in front of the camera, well lit.'}
      </p>
    </Modal>
  );
}
