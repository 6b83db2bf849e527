import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { isProblem } from './api/problem.js';
import { App } from './App.js';
import './i18n/index.js';
import './styles.css';

const queries = new QueryClient({
  defaultOptions: {
    // A refused request is answered, not retried; only a lost connection is worth another try.
    queries: { retry: (count, error) => count < 2 && isProblem(error) && error.offline, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
