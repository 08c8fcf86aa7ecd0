// Re-rendering without replacing: a panel that rebuilds its content from data (the equation
// panel, the leaderboard) builds the new nodes as before and hands them to morph(), which
// keeps every node already on screen that matches (same kind, tag and attributes) and writes
// only the text that changed. While playing, such a panel changes a few numbers several
// times a second; replacing its whole tree made the browser restyle and lay out every node
// of it each time (2–3 ms per update in a frame with MathML), and lost focus and scroll.
//
// A kept element keeps its own event listeners; the new one's are dropped. Callers build
// nodes whose listeners do the same thing for the same attributes (they call back into the
// panel, which holds the state), so keeping the old ones changes nothing.

/** Whether `a` (on screen) can stay for `b` (new): same node kind, tag and attributes. */
function same(a, b) {
  if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName || a.namespaceURI !== b.namespaceURI) return false;
  if (a.nodeType !== Node.ELEMENT_NODE) return true;
  const aa = a.attributes, ba = b.attributes;
  if (aa.length !== ba.length) return false;
  for (const attr of ba) if (a.getAttributeNS(attr.namespaceURI, attr.localName) !== attr.value) return false;
  return true;
}

function morphNode(parent, a, b) {
  if (a.nodeType === Node.TEXT_NODE && b.nodeType === Node.TEXT_NODE) {
    if (a.data !== b.data) a.data = b.data;
    return;
  }
  if (!same(a, b)) { parent.replaceChild(b, a); return; }
  morphChildren(a, [...b.childNodes]);
}

/** Makes `root`'s children equal to `next` (new nodes), reusing matching nodes on screen. */
export function morphChildren(root, next) {
  const old = [...root.childNodes];
  if (old.length !== next.length) { root.replaceChildren(...next); return; }
  next.forEach((b, i) => morphNode(root, old[i], b));
}
