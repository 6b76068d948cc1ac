import './services/zod-without-eval';
import './services/three-console';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { connection, studio, webSocketUrl } from './services/studio-client';
import { EditActions } from './state/edit-actions';
import { ExportActions } from './state/export-actions';
import { GenerationActions } from './state/generation-actions';
import { PlaybackController } from './state/playback-controller';
import { Notifier } from './state/notifier';
import { ProjectFiles } from './state/project-files';
import type { StudioServices } from './state/studio-context';
import { StudioContext } from './state/studio-context';
import { isDirty } from './state/studio-state';
import { StudioStore } from './state/studio-store';
import { PUSH_CHANNEL } from '../src-shared/ipc/contract';
import { StudioSettingsActions } from './state/studio-settings';
import { ViewActions } from './state/view-actions';
import './styles/studio.css';
import './styles/timeline.css';
import './styles/viewport.css';
import './styles/mouth.css';

const store = new StudioStore();
const edits = new EditActions(store);
const notifier = new Notifier(store);
const view = new ViewActions(store);
const settings = new StudioSettingsActions(studio, store);
const services: StudioServices = {
  studio,
  store,
  files: new ProjectFiles(studio, store, edits, notifier, view, settings),
  settings,
  edits,
  notifier,
  view,
  generation: new GenerationActions(studio, store, (action, error) => notifier.fail(action, error)),
  playback: new PlaybackController(store),
  exporter: new ExportActions(studio, store, settings, notifier),
  webSocketUrl,
};

// Electron's close question: Save asks the studio to save, then close.
studio.on(PUSH_CHANNEL.appDidAskSave, () => void services.files.saveAndClose());

const mirrorConnection = () => store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, connection: connection.current() } }));
connection.on(mirrorConnection);
mirrorConnection();

// In a browser tab, warn before closing over unsaved work. Electron is left alone: there a
// beforeunload veto silently keeps the window open, so the main process must ask instead.
if (window.studio === undefined) {
  window.addEventListener('beforeunload', (event) => {
    if (isDirty(store.getState())) event.preventDefault();
  });
}

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StudioContext value={services}>
      <App />
    </StudioContext>
  </StrictMode>,
);

// Outside React: StrictMode runs effects twice in development, which would create two projects.
void services.files.start();
