// Task scheduling shared by the page and the engine worker (no DOM).

/** Runs fn in a new task as soon as the queue allows: a MessageChannel round trip, without
 *  setTimeout's 4 ms clamp, so queued messages and input are handled in between. */
export function nextTask(fn) {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => { ch.port1.close(); fn(); };
  ch.port2.postMessage(0);
}
