import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * A one-time message key handed over by navigate(…, { state: { flash } }) (e.g. after saving or
 * reporting); dropped from the history entry so a reload does not repeat it.
 */
export function useFlash(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [flash] = useState(() => (location.state as { flash?: string } | null)?.flash ?? null);
  useEffect(() => {
    if (flash) void navigate(`${location.pathname}${location.search}`, { replace: true, state: null });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- once, on arrival
  return flash;
}
