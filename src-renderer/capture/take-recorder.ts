/** The container and codecs of a take, the first the browser can record. */
const TAKE_TYPES = ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm', 'video/mp4'];

/** Records a stream into one file (a take) with MediaRecorder. */
export class TakeRecorder {
  private readonly recorder: MediaRecorder;
  private readonly chunks: Blob[] = [];
  private readonly done: Promise<Blob>;

  constructor(stream: MediaStream) {
    const mimeType = TAKE_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    this.recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    this.recorder.ondataavailable = (event) => {
      if (event.data.size > 0) this.chunks.push(event.data);
    };
    this.done = new Promise((resolve, reject) => {
      this.recorder.onstop = () => resolve(new Blob(this.chunks, { type: this.recorder.mimeType || 'video/webm' }));
      this.recorder.onerror = () => reject(new Error('the recording failed'));
    });
    // A chunk every second: a long take is not held in one buffer by the recorder.
    this.recorder.start(1000);
  }

  /** Stops recording; the take as one file. */
  stop(): Promise<Blob> {
    if (this.recorder.state !== 'inactive') this.recorder.stop();
    return this.done;
  }

  /** The file name a take is imported under. */
  static fileName(blob: Blob, takeNumber: number): string {
    return `take-${takeNumber}.${blob.type.includes('mp4') ? 'mp4' : 'webm'}`;
  }
}
