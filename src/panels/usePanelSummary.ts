// The panel's text summary written into a DOM node at a calm rate (at most every SUMMARY_MS),
// from a store subscription: screen readers get the plotted values without a render per step.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { appStore } from '../state/store';
import type { PanelId } from '../story/panelList';
import { panelSummary, type SummaryState } from './panelSummary';

/** Shortest time between two summary updates (a live region that talks every frame is noise). */
export const SUMMARY_MS = 3000;

export function usePanelSummary<E extends HTMLElement>(id: PanelId) {
  const ref = useRef<E>(null);
  const { i18n } = useTranslation(); // a new language rewrites the summary at once
  useEffect(() => {
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const write = () => {
      timer = null;
      last = performance.now();
      const el = ref.current;
      if (!el) return;
      const text = panelSummary(id, appStore.getState() as SummaryState);
      if (el.textContent !== text) el.textContent = text;
    };
    write();
    const unsubscribe = appStore.subscribe(() => {
      if (timer !== null) return;
      timer = setTimeout(write, Math.max(0, last + SUMMARY_MS - performance.now()));
    });
    return () => { unsubscribe(); if (timer !== null) clearTimeout(timer); };
  }, [id, i18n.language]);
  return ref;
}
