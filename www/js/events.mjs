// Named events for the page's parts (race, lab): `on(name, fn)` to listen, `emit(name,
// detail)` to tell every listener, in the order they registered. Parts talk through these
// (or explicit hooks), never by replacing each other's methods.

export class Emitter {
  constructor() { this.listeners = new Map(); }

  /** Calls fn(detail) on every `event`. */
  on(event, fn) {
    if (!this.listeners.has(event)) this.listeners.set(event, []);
    this.listeners.get(event).push(fn);
  }

  emit(event, detail) { for (const fn of this.listeners.get(event) || []) fn(detail); }
}
