import { Switch } from 'react-aria-components';

/** On/off toggle (React Aria: role="switch", keyboard and focus handling). */
export function SwitchField({ label, isSelected, onChange }: { label: string; isSelected: boolean; onChange: (value: boolean) => void }) {
  return (
    <Switch className="switch" isSelected={isSelected} onChange={onChange}>
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
      <span className="kern-label">{label}</span>
    </Switch>
  );
}
