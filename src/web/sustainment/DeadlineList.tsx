import type { z } from 'zod';
import type { ZDeadlineRef } from '../../contracts/placement';
import { DueText } from './labels';

/** Open deadlines: what is due, by when, overdue in words. */
export function DeadlineList({ deadlines }: { deadlines: readonly z.infer<typeof ZDeadlineRef>[] }) {
  return (
    <ul className="plain-list sus-deadlines">
      {deadlines.map((d) => (
        <li key={d.id} className="sus-deadlines__item">
          <span className="kern-body">{d.title}</span>
          <span className="kern-body kern-body--small">
            <DueText dueAt={d.dueAt} overdue={d.overdue} />
          </span>
        </li>
      ))}
    </ul>
  );
}
