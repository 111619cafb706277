import type { Key, ReactNode } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text, type ComboBoxProps } from 'react-aria-components';
import './combo.css';

export interface ComboOption {
  id: string;
  /** What the field shows once chosen, and what typing matches. */
  label: string;
  /** A second line in the list (e.g. role, address). */
  detail?: string | null;
}

interface ComboFieldProps extends Omit<
  ComboBoxProps<ComboOption>,
  'children' | 'items' | 'defaultItems' | 'selectedKey' | 'onSelectionChange' | 'className'
> {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The options; filtered here by what was typed unless `items` come filtered from the server. */
  options: ComboOption[];
  serverFiltered?: boolean;
  selectedKey: string | null;
  onSelect: (option: ComboOption | null) => void;
  /** Shown when the list is empty (nothing found, or type more). */
  empty: ReactNode;
  buttonLabel: string;
}

/**
 * A KERN form field with a React Aria combobox: type to narrow, choose with keyboard or mouse; label,
 * hint and error wired for screen readers like the other fields.
 */
export function ComboField({
  id,
  label,
  hint,
  error,
  options,
  serverFiltered,
  selectedKey,
  onSelect,
  empty,
  buttonLabel,
  ...rest
}: ComboFieldProps) {
  const choose = (key: Key | null) => onSelect(key === null ? null : (options.find((o) => o.id === key) ?? null));
  return (
    <ComboBox<ComboOption>
      className="kern-form-input combo-field"
      {...(serverFiltered ? { items: options } : { defaultItems: options })}
      selectedKey={selectedKey}
      onSelectionChange={choose}
      isInvalid={!!error}
      allowsEmptyCollection
      menuTrigger="input"
      {...rest}
    >
      <Label className="kern-label" id={`${id}-label`}>
        {label}
      </Label>
      {hint && (
        <Text slot="description" className="kern-hint">
          {hint}
        </Text>
      )}
      {error && (
        <FieldError className="kern-error">
          <span className="kern-icon kern-icon--danger kern-icon--default" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </FieldError>
      )}
      <div className="combo-field__control">
        <Input id={id} className={`kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`} autoComplete="off" />
        <Button className="combo-field__button" aria-label={buttonLabel}>
          <span className="combo-field__chevron" aria-hidden="true">
            ▾
          </span>
        </Button>
      </div>
      <Popover className="combo-field__popover" placement="bottom start">
        <ListBox<ComboOption> className="combo-field__list" renderEmptyState={() => <p className="combo-field__empty">{empty}</p>}>
          {(o) => (
            <ListBoxItem id={o.id} textValue={o.label} className="combo-field__item">
              <Text slot="label">{o.label}</Text>
              {o.detail && (
                <Text slot="description" className="combo-field__detail">
                  {o.detail}
                </Text>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
