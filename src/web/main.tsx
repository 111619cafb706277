import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './fonts/fonts.css';
import '@kern-ux/native/dist/kern.min.css';
import './styles/app.css';
import './styles/print.css';
import { i18nReady } from './i18n';
import { isRetryable, NetworkError, onUnauthenticated, setCsrfToken } from './api';
import { App } from './App';
import { ME_KEY } from './auth/session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failures, err) => failures < 2 && isRetryable(err),
    },
    mutations: {
      // Only requests that never got an answer are resent – with the same Idempotency-Key / If-Match.
      retry: (failures, err) => failures < 1 && err instanceof NetworkError,
    },
  },
});

// A 401 on any request. Session gone → drop it; RequireAuth then redirects to /login.
// Second factor missing → reload me; RequireAuth then redirects to /security.
onUnauthenticated((code) => {
  if (code === 'totp_required') {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
    return;
  }
  setCsrfToken(null);
  queryClient.setQueryData(ME_KEY, null);
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing');
void i18nReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
);
