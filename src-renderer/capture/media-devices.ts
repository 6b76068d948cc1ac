/** A camera or microphone the browser offers, as the capture panel lists it. */
export interface CaptureDevice {
  readonly deviceId: string;
  readonly label: string;
}

export interface CaptureDevices {
  readonly cameras: readonly CaptureDevice[];
  readonly microphones: readonly CaptureDevice[];
}

/** The cameras and microphones (labelled once the user has allowed access, which openStream asks for). */
export async function listCaptureDevices(): Promise<CaptureDevices> {
  const all = await navigator.mediaDevices.enumerateDevices();
  const of = (kind: MediaDeviceKind, noun: string) =>
    all.filter((d) => d.kind === kind).map((d, i) => ({ deviceId: d.deviceId, label: d.label || `${noun} ${i + 1}` }));
  return { cameras: of('videoinput', 'Camera'), microphones: of('audioinput', 'Microphone') };
}

/** A live stream of the chosen camera and microphone (null: the default one). */
export function openStream(cameraId: string | null, microphoneId: string | null): Promise<MediaStream> {
  const pick = (id: string | null) => (id === null ? true : { deviceId: { exact: id } });
  return navigator.mediaDevices.getUserMedia({ video: pick(cameraId), audio: pick(microphoneId) });
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** What went wrong getting the camera, for the user. */
export function describeCaptureError(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError') return 'Access to the camera or microphone was refused. Allow it in the browser (or system) settings and try again.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera or microphone was found. Connect one, or choose another.';
  if (name === 'NotReadableError') return 'The camera or microphone is in use by another program. Close it and try again.';
  if (typeof navigator.mediaDevices === 'undefined') return 'This page cannot use a camera (it needs a secure page: the studio app, or the web host on 127.0.0.1).';
  return `The camera could not be opened (${String(error)}).`;
}
