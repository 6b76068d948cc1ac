import { useEffect } from 'react';
import { ConnectionBanner } from './components/ConnectionBanner';
import { Dialogs } from './components/Dialogs';
import { DropOverlay } from './components/DropOverlay';
import { Inspector } from './components/Inspector';
import { PreviewPanel } from './components/PreviewPanel';
import { RecoveryPrompt } from './components/RecoveryPrompt';
import { Splitter } from './components/Splitter';
import { StatusBar } from './components/StatusBar';
import { TimelinePanel } from './components/TimelinePanel';
import { Toasts } from './components/Toasts';
import { Toolbar } from './components/Toolbar';
import { ViewportPanel } from './components/ViewportPanel';
import { useAutosave } from './hooks/use-autosave';
import { useFileDrop } from './hooks/use-file-drop';
import { useAudioSource } from './hooks/use-audio-source';
import { usePanelLayout } from './hooks/use-panel-layout';
import { useShortcuts } from './hooks/use-shortcuts';
import { useStudio, useStudioSelector } from './state/studio-context';
import { isDirty } from './state/studio-state';

/** The studio window: toolbar, preview + 3D viewport + inspector, timeline, status bar; splitters between them. */
export function App() {
  const services = useStudio();
  const { files } = services;
  const dragging = useFileDrop(files);
  useAutosave(files, services.store);
  useShortcuts(services);
  useAudioSource(services);
  useWindowTitle();
  const layout = usePanelLayout();

  return (
    <div className="studio" style={layout.style}>
      <ConnectionBanner />
      <Toolbar />
      <main className="workspace">
        <PreviewPanel />
        <Splitter direction="columns" label="Resize the 3D viewport" testId="splitter-viewport" {...layout.splitter('viewportWidthPx', '.viewport-panel')} />
        <ViewportPanel />
        <Splitter direction="columns" label="Resize the inspector" testId="splitter-inspector" {...layout.splitter('inspectorWidthPx', '.inspector-panel')} />
        <Inspector />
      </main>
      <Splitter direction="rows" label="Resize the timeline" testId="splitter-timeline" {...layout.splitter('timelineHeightPx', '.timeline-panel')} />
      <TimelinePanel />
      <StatusBar />
      <RecoveryPrompt />
      <Dialogs />
      <Toasts />
      {dragging && <DropOverlay />}
    </div>
  );
}

/** "Name • — AniPortrait Studio": the task bar shows which project is open and unsaved. */
function useWindowTitle(): void {
  const { studio } = useStudio();
  const name = useStudioSelector((s) => s.document?.name ?? null);
  const dirty = useStudioSelector(isDirty);
  useEffect(() => {
    document.title = name === null ? 'AniPortrait Studio' : `${name}${dirty ? ' •' : ''} — AniPortrait Studio`;
  }, [name, dirty]);
  // The Electron host asks before closing a window with unsaved changes.
  useEffect(() => {
    void studio.app.setDirty({ dirty });
  }, [studio, dirty]);
}
