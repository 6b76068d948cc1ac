import { SHORTCUT_GROUPS } from '../util/shortcut-list';
import { Modal } from './Modal';

/** The keyboard shortcut reference (press ?, or the toolbar's ? button). */
export function ShortcutsDialog({ onClose }: { readonly onClose: () => void }) {
  return (
    <Modal
      title="Keyboard shortcuts"
      testId="shortcuts-dialog"
      onCancel={onClose}
      wide
      footer={
        <button type="button" className="button" data-testid="shortcuts-close" onClick={onClose} autoFocus>
          Close
        </button>
      }
    >
      <div className="shortcut-groups">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcut-group">
            <h3>{group.title}</h3>
            <dl>
              {group.entries.map((entry) => (
                <div key={`${entry.keys}-${entry.action}`} className="shortcut-row" data-testid="shortcut-row">
                  <dt>
                    <kbd>{entry.keys}</kbd>
                  </dt>
                  <dd>{entry.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
