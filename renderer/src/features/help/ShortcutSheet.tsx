import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { TRIAGE_ACTIONS } from '../../../../shared/domain/triage.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { TRIAGE_SHORTCUTS } from '../triage/triage-shortcuts.ts';

const QUEUE_KEYS = [
  ['j / ↓', 'shortcuts.next'],
  ['k / ↑', 'shortcuts.previous'],
  ['Page Down / Page Up', 'shortcuts.page'],
  ['Home / End', 'shortcuts.ends'],
  ['Enter', 'shortcuts.open'],
  ['x', 'shortcuts.check'],
  ['/', 'shortcuts.search'],
  ['Esc', 'shortcuts.close'],
  ['?', 'shortcuts.sheet'],
  ['F1', 'shortcuts.help'],
] as const;

/** Every keyboard shortcut of the workstation, opened with `?`. */
export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  return (
    <dialog
      ref={dialogRef}
      className="shortcut-sheet"
      aria-labelledby="shortcut-sheet-title"
      onClose={onClose}
      data-testid="shortcut-sheet"
    >
      <h2 id="shortcut-sheet-title">{t('shortcuts.title')}</h2>
      <table>
        <caption>{t('shortcuts.queue')}</caption>
        <tbody>
          {QUEUE_KEYS.map(([key, label]) => (
            <tr key={key}>
              <th scope="row">
                <kbd>{key}</kbd>
              </th>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table>
        <caption>{t('shortcuts.triage')}</caption>
        <tbody>
          {TRIAGE_ACTIONS.map((action) => (
            <tr key={action}>
              <th scope="row">
                <kbd>{TRIAGE_SHORTCUTS[action]}</kbd>
              </th>
              <td>{t(`triage.action.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit">{t('shortcuts.done')}</button>
      </form>
    </dialog>
  );
}
