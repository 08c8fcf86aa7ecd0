// Undo and redo (Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y) of run changes: add, remove, copy, rename,
// colour, optimizer and hyper-parameter changes, and the start point. After every change of
// the race's runs or start the history keeps a copy of them (a slider drag or typing a name
// within MERGE_MS is one entry); undo brings the previous copy back with the race's own
// calls (setStart, setRun re-planned from the start, addRun, removeRun), so the engine
// checks it like any edit. A new scenario (surface, lesson, link) starts a new history.

const MERGE_MS = 600;
const LIMIT = 100;

export class Undo {
  constructor(race, { onChange = () => {}, onRemoved = () => {} } = {}) {
    this.race = race;
    this.onChange = onChange;
    this.onRemoved = onRemoved; // (names of the runs removed): a removal has an undo at hand
    this.past = [];
    this.future = [];
    this.current = race.scenario ? this.snapshot() : null;
    this.applying = false;
    this.lastAt = 0;
    race.on('load', () => { this.past = []; this.future = []; this.current = this.snapshot(); this.onChange(); });
    race.on('runs', () => this.observe());
    race.on('data', () => this.observe());
    document.addEventListener('keydown', (e) => this.key(e));
  }

  snapshot() {
    const { race } = this;
    return JSON.stringify({ start: race.scenario.start, runs: race.runs });
  }

  /** After any race change: a new history entry when the runs or the start differ. */
  observe() {
    if (this.applying || !this.race.scenario) return;
    const now = this.snapshot();
    if (now === this.current) return;
    const t = performance.now();
    const kind = kindOf(this.current, now);
    // A drag or typing (the same kind of change, in quick succession): one entry for the
    // whole gesture. Adding or removing a run is always an entry of its own.
    const merge = t - this.lastAt < MERGE_MS && kind === this.lastKind && kind !== 'runs' && this.past.length;
    if (!merge) {
      this.past.push(this.current);
      if (this.past.length > LIMIT) this.past.shift();
    }
    this.lastAt = t;
    this.lastKind = kind;
    const before = this.current;
    this.current = now;
    this.future = [];
    this.onChange();
    if (kind === 'runs' && before) {
      const left = new Set(JSON.parse(now).runs.map((r) => JSON.stringify(r)));
      const gone = JSON.parse(before).runs.filter((r) => !left.has(JSON.stringify(r))).map((r) => r.name);
      if (gone.length) this.onRemoved(gone);
    }
  }

  get canUndo() { return this.past.length > 0; }
  get canRedo() { return this.future.length > 0; }

  undo() {
    if (!this.canUndo) return false;
    this.future.push(this.current);
    this.restore(this.past.pop());
    return true;
  }

  redo() {
    if (!this.canRedo) return false;
    this.past.push(this.current);
    this.restore(this.future.pop());
    return true;
  }

  /** Brings the race to `text` (a snapshot) with the fewest edits. */
  restore(text) {
    const { race } = this;
    const target = JSON.parse(text);
    this.applying = true;
    try {
      const [x, y] = target.start;
      if (x !== race.scenario.start[0] || y !== race.scenario.start[1]) race.setStart(x, y);
      const common = Math.min(race.runs.length, target.runs.length);
      let changed = false;
      for (let i = 0; i < common; i += 1) {
        if (JSON.stringify(race.runs[i]) !== JSON.stringify(target.runs[i])) { race.setRun(i, target.runs[i], true); changed = true; }
      }
      while (race.runs.length > target.runs.length) race.removeRun(race.runs.length - 1);
      for (let i = race.runs.length; i < target.runs.length; i += 1) race.addRun(target.runs[i]);
      // The run cards show settings they were built with: rebuild them for changed runs.
      if (changed) race.emit('runs');
    } finally {
      this.applying = false;
    }
    this.current = this.snapshot();
    this.lastAt = 0;
    this.onChange();
  }

  key(e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const t = e.target;
    // Text fields keep their own undo.
    if (t instanceof HTMLElement && (t.isContentEditable || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && ['text', 'number', 'search', 'url'].includes(t.type)))) return;
    const k = e.key.toLowerCase();
    const done = k === 'z' && !e.shiftKey ? this.undo() : (k === 'z' && e.shiftKey) || k === 'y' ? this.redo() : null;
    if (done !== null) e.preventDefault();
  }
}

/** What changed between two snapshots: 'runs' (added or removed), 'start', or 'run i'. */
function kindOf(a, b) {
  if (!a) return 'runs';
  const x = JSON.parse(a), y = JSON.parse(b);
  if (x.runs.length !== y.runs.length) return 'runs';
  if (JSON.stringify(x.start) !== JSON.stringify(y.start)) return 'start';
  return `run ${x.runs.findIndex((r, i) => JSON.stringify(r) !== JSON.stringify(y.runs[i]))}`;
}
