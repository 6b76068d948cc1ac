/** Covers the window while files are dragged over it. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay-box">
        Drop to import
        <small>A portrait photo (PNG, JPEG, WebP) or a voice recording (WAV, MP3, …)</small>
      </div>
    </div>
  );
}
