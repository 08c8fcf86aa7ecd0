// aria-valuetext for the page's sliders that are not built from the catalog (widgets.mjs
// speaks those itself): the value a screen reader speaks is the one shown beside the slider
// (its <output> or number field, "100 steps/s", "0.2"), not the slider's raw position.

import { t } from '../i18n.mjs';

function labelOf(slider) {
  const raw = slider.getAttribute('aria-label') || slider.labels?.[0]?.textContent || '';
  return raw.replace(/\s*slider$/i, '').trim().toLowerCase();
}

function shown(slider) {
  const box = slider.parentElement;
  const out = box?.querySelector('output');
  if (out?.textContent) return out.textContent.trim();
  const num = box?.querySelector('input[type="number"]');
  if (num?.value) return num.value;
  return slider.value;
}

function speak(slider) {
  if (slider.dataset.valuetext === 'own') return;
  const text = t('classroom.valueText', { label: labelOf(slider), value: shown(slider) }).trim();
  if (slider.getAttribute('aria-valuetext') !== text) slider.setAttribute('aria-valuetext', text);
}

/** Keeps every range input's aria-valuetext on its shown value (after each input and for
 *  sliders added later). */
export function watchSliders(root = document) {
  const all = () => root.querySelectorAll('input[type="range"]:not([data-valuetext="own"])');
  let queued = false;
  // Shown values change with the DOM (an <output>'s text): once per frame at most.
  const pass = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; for (const s of all()) speak(s); });
  };
  // After the page's own input handlers have updated the shown value.
  root.addEventListener('input', (e) => {
    const s = e.target;
    if (s instanceof HTMLInputElement && s.type === 'range' && s.dataset.valuetext !== 'own') queueMicrotask(() => speak(s));
  });
  // Only changes that can change what a slider speaks: new elements (sliders, a re-rendered
  // card) and text inside an <output> or a <label>. The live readouts change several times
  // a second while playing and speak through no slider; a pass over every slider for each
  // of them was ~0.5 ms of the frame.
  const within = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest?.('output, label');
  const matters = (r) => (r.type === 'childList' && [...r.addedNodes].some((n) => n.nodeType === Node.ELEMENT_NODE)) || within(r.target);
  new MutationObserver((records) => { if (records.some(matters)) pass(); })
    .observe(root.body ?? root, { childList: true, subtree: true, characterData: true });
  pass();
}
