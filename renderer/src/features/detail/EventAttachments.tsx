import { useEffect, useState } from 'react';
import type { AttachmentMeta } from '../../../../shared/attachments/attachment-rules.ts';
import {
  ATTACHMENT_CONTENT_ID,
  type AttachmentFileState,
} from '../../../../shared/schemas/attachment-file.ts';
import type { ComplaintEvent } from '../../../../shared/schemas/complaint-event.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';

type HeldFile = { id: string; url: string; state: AttachmentFileState };

/** Object URLs of the event's files the device holds, revoked when the list goes away. */
function useHeldFiles(event: ComplaintEvent): Map<string, HeldFile> {
  const { replica } = useWorkstation();
  const [held, setHeld] = useState<Map<string, HeldFile>>(new Map());
  const ids = event.attachments.map((attachment) => attachment.id);
  const key = ids.join(',');
  useEffect(() => {
    let urls: string[] = [];
    let cancelled = false;
    const subscription = replica.attachment_files
      .find({ selector: { id: { $in: key.split(',') } } })
      .$.subscribe((documents) => {
        void Promise.all(
          documents.map(async (document) => {
            const blob = await document.getAttachment(ATTACHMENT_CONTENT_ID)?.getData();
            if (!blob) return null;
            return { id: document.id, url: URL.createObjectURL(blob), state: document.state };
          }),
        ).then((files) => {
          const next = files.filter((file): file is HeldFile => file !== null);
          for (const url of urls) URL.revokeObjectURL(url);
          urls = next.map((file) => file.url);
          if (cancelled) {
            for (const url of urls) URL.revokeObjectURL(url);
            return;
          }
          setHeld(new Map(next.map((file) => [file.id, file])));
        });
      });
    return () => {
      cancelled = true;
      subscription.unsubscribe();
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [replica, key]);
  return held;
}

function AttachmentItem({ meta, file }: { meta: AttachmentMeta; file: HeldFile | undefined }) {
  const { t } = useTranslation();
  if (!file) {
    return (
      <li className="attachment-missing">
        {meta.name} · <span className="form-note">{t('attachment.notHere')}</span>
      </li>
    );
  }
  return (
    <li>
      {meta.type.startsWith('image/') ? (
        <a href={file.url} target="_blank" rel="noreferrer" aria-label={t('attachment.open', meta)}>
          <img src={file.url} alt={t('attachment.photo', meta)} className="attachment-thumb" />
        </a>
      ) : (
        <a href={file.url} download={meta.name}>
          {t('attachment.open', meta)}
        </a>
      )}
      {file.state === 'upload' && (
        <span className="timeline-pending"> · {t('attachment.waitingUpload')}</span>
      )}
    </li>
  );
}

/** The photos and PDFs of a timeline entry; ones not on the device yet are fetched. */
export function EventAttachments({ event }: { event: ComplaintEvent }) {
  const { t } = useTranslation();
  const { sync } = useWorkstation();
  const held = useHeldFiles(event);
  const missing = event.attachments.some((meta) => !held.has(meta.id));
  useEffect(() => {
    if (missing && event.serverSeq > 0) sync.attachments.want(event);
  }, [missing, event, sync]);
  if (event.attachments.length === 0) return null;
  return (
    <ul className="attachment-list" aria-label={t('attachment.list')} data-testid="attachments">
      {event.attachments.map((meta) => (
        <AttachmentItem key={meta.id} meta={meta} file={held.get(meta.id)} />
      ))}
    </ul>
  );
}
