// The 3-D view's switch: 2-D, 3-D or both side by side (the stage's `data-view`), carried in
// share links and lessons as the page field `view` (page-settings.mjs). The renderer and
// three.js (about 420 KB gzipped) are loaded only when 3-D is first chosen (a dynamic
// import), so the first frame of the page never waits for them. Without WebGL the choice
// says so and the 2-D view goes on.
//
// window.gradscape.view3d: mode(), setMode(m), ready() (a promise of the scene, or null when
// 3-D cannot be shown), scene() (the Scene3D or null), message() (the note shown, or '').

import { t, onLanguageChange } from '../i18n.mjs';
import { registerPageSetting } from '../page-settings.mjs';

export const MODES = ['2d', '3d', 'both'];

/** What WebGL this browser gives: null (none), or {software} (true for a CPU renderer
 *  such as SwiftShader, where the scene is drawn without multisampling). */
export function webglInfo() {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') || c.getContext('webgl');
    if (!gl) return null;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext(); // the probe's context is not kept
    return { software: /swiftshader|llvmpipe|software/i.test(name) };
  } catch {
    return null;
  }
}

export function installView3d({ race, view, api, stage, mount, switcher, note }) {
  let mode = '2d';
  let scene = null;
  let loading = null;
  let noteKey = null; let noteParams = {};
  const radios = [...switcher.querySelectorAll('input[name="view"]')];

  const say = (key, params = {}) => {
    noteKey = key; noteParams = params;
    note.textContent = key ? t(key, params) : '';
    note.hidden = !key;
  };
  onLanguageChange(() => say(noteKey, noteParams));

  const show = (m) => {
    stage.dataset.view = m;
    mount.hidden = m === '2d';
    for (const r of radios) r.checked = r.value === m;
    view.resize();
    scene?.setVisible(m !== '2d');
  };

  // Loads the renderer once; null when 3-D cannot be shown (the note says why).
  const load = () => {
    loading ??= (async () => {
      const gl = webglInfo();
      if (!gl) { say('view3d.noWebgl'); return null; }
      say('view3d.loading');
      try {
        const { Scene3D } = await import('./scene.mjs');
        scene = new Scene3D({ mount, race, view, api, software: gl.software, onLost: () => { scene = null; loading = null; mode = '2d'; show('2d'); say('view3d.lost'); changed(); } });
        say(null);
        return scene;
      } catch (e) {
        console.error('Gradscape: 3-D view', e);
        say('view3d.failed', { error: e.message || String(e) });
        loading = null;
        return null;
      }
    })();
    return loading;
  };

  const changed = registerPageSetting('view', {
    read: () => (mode === '2d' ? null : mode),
    apply: (value) => setMode(MODES.includes(value) ? value : '2d', false),
  });

  async function setMode(m, user = true) {
    if (!MODES.includes(m)) throw new Error(`view3d.setMode: expected one of ${MODES.join(', ')}, got ${m}`);
    mode = m;
    if (m === '2d') { show('2d'); say(null); } else {
      const s = await load();
      if (mode !== m) return; // a later choice won
      if (!s) { mode = '2d'; show('2d'); } else show(m);
    }
    if (user) changed();
  }

  for (const r of radios) r.addEventListener('change', () => { if (r.checked) setMode(r.value); });
  show('2d');

  api.view3d = {
    mode: () => mode,
    setMode: (m) => setMode(m),
    ready: () => (mode === '2d' ? Promise.resolve(scene) : load()),
    scene: () => scene,
    message: () => (note.hidden ? '' : note.textContent),
  };
}
