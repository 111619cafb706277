import type { ReactNode } from 'react';
import { Dialog, Heading, Modal as AriaModal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

interface Props {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/** Accessible modal dialog (React Aria: focus trap, Escape, restores focus) in KERN dialog style. */
export function Modal({ isOpen, onClose, title, children }: Props) {
  const { t } = useTranslation();
  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={(open) => !open && onClose()} isDismissable className="modal-overlay">
      <AriaModal className="modal">
        <Dialog className="kern-dialog modal__dialog">
          <div className="kern-dialog__header">
            <Heading slot="title" className="kern-title kern-title--large">
              {title}
            </Heading>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClose}>
              <span className="kern-icon kern-icon--close" aria-hidden="true" />
              <span className="kern-sr-only">{t('common.close')}</span>
            </button>
          </div>
          <div className="kern-dialog__body">{children}</div>
        </Dialog>
      </AriaModal>
    </ModalOverlay>
  );
}
