// Lessons: the gallery of the engine's built-in lessons (catalog.lessons) in a dialog, the
// caption banner of the loaded lesson or link (page.title, page.caption), the controls a
// lesson link hides (page.hide, as `hide-<name>` classes styled in teach.css), and the
// notice for a link that could not be opened.

import { el } from '../widgets.mjs';
import { t } from '../i18n.mjs';
import { lessonText } from '../reach/lesson-text.mjs';
import { localError } from '../reach/errors.mjs';

export class Lessons {
  constructor({ race, lessons, top, openScenario }) {
    this.race = race;
    this.lessons = lessons;
    this.openScenario = openScenario;
    this.banner = el('section', { className: 'caption', hidden: true });
    this.banner.setAttribute('aria-label', t('teach.lesson'));
    top.prepend(this.banner);
    this.noticeBox = el('div', { className: 'notice', role: 'alert', hidden: true });
    document.getElementById('view').append(this.noticeBox);
    this.dialog = this.gallery();
    document.body.append(this.dialog);
    this.hidden = [];
    race.on('load', () => this.loaded());
  }

  gallery() {
    const dialog = el('dialog', { className: 'lessons' });
    dialog.setAttribute('aria-label', t('teach.lessons'));
    const close = el('button', { type: 'button', className: 'icon', textContent: '✕' });
    close.setAttribute('aria-label', t('teach.closeLessons'));
    close.addEventListener('click', () => dialog.close());
    const list = el('div', { className: 'lesson-list' });
    for (const l of this.lessons) {
      const open = el('button', { type: 'button', className: 'lesson' }, el('strong', { textContent: lessonText(l.id, 'title', l.title) }), el('span', { textContent: lessonText(l.id, 'caption', l.caption) }));
      open.setAttribute('aria-label', t('teach.openLesson', { title: lessonText(l.id, 'title', l.title) }));
      open.addEventListener('click', () => { dialog.close(); this.open(l); });
      list.append(open);
    }
    dialog.append(el('header', {}, el('h2', { textContent: t('teach.lessons') }), close), list);
    return dialog;
  }

  show() { this.dialog.showModal(); }

  /** A built-in lesson's title or caption in the page's language (the lesson whose English
   *  text the page shows); a link's own text as written. */
  text(page, field) {
    const l = this.lessons.find((q) => q[field] && page[field]?.startsWith(q[field]));
    return l ? lessonText(l.id, field, l[field]) + page[field].slice(l[field].length) : page[field];
  }

  open(lesson) {
    try {
      this.openScenario(lesson.scenario);
      this.notice('');
    } catch (e) {
      this.notice(t('teach.lessonFailed', { title: lessonText(lesson.id, 'title', lesson.title), error: localError(e.message || e) }));
    }
  }

  /** Shows `text` (empty hides it), with optional action buttons [{label, run}]. */
  notice(text, actions = []) {
    this.noticeBox.hidden = !text;
    this.noticeBox.replaceChildren();
    if (!text) return;
    const close = el('button', { type: 'button', className: 'icon', textContent: '✕' });
    close.setAttribute('aria-label', t('teach.dismiss'));
    close.addEventListener('click', () => { this.noticeBox.hidden = true; });
    const buttons = actions.map((a) => {
      const b = el('button', { type: 'button', className: 'notice-action', textContent: a.label });
      b.addEventListener('click', () => a.run());
      return b;
    });
    this.noticeBox.append(el('span', { textContent: text }), ...buttons, close);
  }

  loaded() {
    const page = this.race.scenario?.page || {};
    const root = document.documentElement;
    for (const h of this.hidden) root.classList.remove(`hide-${h}`);
    this.hidden = Array.isArray(page.hide) ? page.hide : [];
    for (const h of this.hidden) root.classList.add(`hide-${h}`);
    if (!page.title && !page.caption) { this.banner.hidden = true; return; }
    const close = el('button', { type: 'button', className: 'icon', textContent: '✕' });
    close.setAttribute('aria-label', t('teach.closeCaption'));
    close.addEventListener('click', () => { this.banner.hidden = true; });
    // Collapsed to its title line, the caption leaves the view to the race.
    const fold = el('button', { type: 'button', className: 'icon fold', textContent: '▾' });
    const setFold = (on) => {
      this.banner.classList.toggle('collapsed', on);
      fold.textContent = on ? '▸' : '▾';
      fold.setAttribute('aria-expanded', String(!on));
      fold.setAttribute('aria-label', t(on ? 'classroom.expandCaption' : 'classroom.collapseCaption'));
    };
    fold.addEventListener('click', () => setFold(!this.banner.classList.contains('collapsed')));
    setFold(false);
    const kids = [el('header', {}, el('h2', { textContent: this.text(page, 'title') || t('teach.lesson') }), fold, close)];
    if (page.caption) kids.push(el('p', { textContent: this.text(page, 'caption') }));
    this.banner.replaceChildren(...kids);
    this.banner.hidden = false;
  }
}
