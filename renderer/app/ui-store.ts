import { create } from 'zustand';
import { pageFromHash, type PageId } from './routes';

/** UI state only: which page is showing. Everything persistent lives in Dexie. */
interface UiState {
  page: PageId;
  goTo(page: PageId): void;
}

export const useUiStore = create<UiState>((set) => ({
  page: pageFromHash(window.location.hash),
  goTo(page) {
    if (window.location.hash !== `#/${page}`) window.location.hash = `#/${page}`;
    set({ page });
  },
}));

window.addEventListener('hashchange', () => {
  useUiStore.setState({ page: pageFromHash(window.location.hash) });
});
