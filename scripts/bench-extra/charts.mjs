// The charts and the figure export, measured in the page's browser: chart_redraw_ms is the
// median time of one redraw call of the slower chart (the engine's work and the canvas
// calls; chart_raster_ms adds the browser's rasterisation, forced by reading a pixel,
// which the page otherwise pays in the next frame) for
// the 10-run race at 100,000 steps, drawn by the engine through plotters-canvas onto a
// 520 × 220 CSS-pixel canvas at 2× (the page's size on a HiDPI screen);
// figure_png_ms / figure_svg_ms the page's Export → Figure of that race (1600 × 900, the
// engine's layout drawn on a canvas and encoded by the browser's canvas.toDataURL: toBlob waits for idle time and took 40 s on a
// busy page); the SVG with its heat map
// encoded by a canvas), and figure_png_2x_ms at 3200 × 1800. The figure is drawn by the second
// module (gradscape_figure, loaded lazily; figure_module_load_ms) from an exact copy of the
// race (every run moved as a snapshot, figure_copy_ms), which each figure time includes.

const RUNS = [
  { optimizer: 'sgd', lr: 1e-4 }, { optimizer: 'sgd', lr: 1e-4, momentum: 0.9 },
  { optimizer: 'adagrad', lr: 0.1 }, { optimizer: 'rmsprop', lr: 1e-3 }, { optimizer: 'adadelta', lr: 1.0 },
  { optimizer: 'adam', lr: 1e-3 }, { optimizer: 'adamw', lr: 1e-3 }, { optimizer: 'nadam', lr: 1e-3 },
  { optimizer: 'radam', lr: 1e-3 }, { optimizer: 'adam', lr: 1e-2 },
];

export default async function measure({ context, server, log, openPage, ready, errors }) {
  const page = await openPage(context, `${server.url}/`, errors);
  await ready(page, () => window.gradscape?.ready === true);
  const figures = await page.evaluate(async (runs) => {
    const { Session, Charts } = await import('./js/engine.mjs');
    const { lookLines, labelLines, optionLines } = await import('./js/charts/look.mjs');
    const session = new Session(JSON.stringify({ problem: { surface: 'rosenbrock' }, start: [-1.5, 2], steps: 100_000, runs }));
    session.advance(100_000);
    const charts = new Charts();
    const canvas = document.createElement('canvas');
    canvas.width = 1040; canvas.height = 440;
    const { pngBlob } = await import('./js/teach/exporter.mjs');
    const { FigureCopy } = await import('./js/teach/figure-copy.mjs');
    const figures = new FigureCopy();
    const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const time = (fn, n) => {
      const xs = [];
      for (let k = 0; k < n; k += 1) { const t0 = performance.now(); fn(); xs.push(performance.now() - t0); }
      return median(xs);
    };
    const look = lookLines(2), labels = labelLines();
    const out = {};
    for (const kind of ['loss', 'lr']) {
      // The first draws fold the series in (a long run's blocks are rebuilt from its
      // checkpoints over several draws, `true` while some remain): time only full redraws.
      for (let k = 0; k < 1000 && charts.draw(session, kind, canvas, look, undefined, labels); k += 1);
      // Reading a pixel makes the canvas rasterise what was drawn (it is otherwise deferred
      // to the next frame), so the figure includes the browser's drawing.
      const ctx2d = canvas.getContext('2d');
      out[`chart_redraw_${kind}_ms`] = time(() => charts.draw(session, kind, canvas, look, undefined, labels), 21);
      out[`chart_raster_${kind}_ms`] = time(() => { charts.draw(session, kind, canvas, look, undefined, labels); ctx2d.getImageData(0, 0, 1, 1); }, 11);
    }
    out.chart_redraw_ms = Math.max(out.chart_redraw_loss_ms, out.chart_redraw_lr_ms);
    out.chart_raster_ms = Math.max(out.chart_raster_loss_ms, out.chart_raster_lr_ms);
    let t1 = performance.now();
    await figures.ready();
    out.figure_module_load_ms = performance.now() - t1;
    t1 = performance.now();
    figures.fresh(session);
    out.figure_copy_ms = performance.now() - t1;
    const png = async (scale) => {
      const t0 = performance.now();
      const c = document.createElement('canvas');
      c.width = 1600 * scale; c.height = 900 * scale;
      figures.fresh(session).figureDraw(c, optionLines({ width: c.width, height: c.height, theme: 'light' }), labels);
      c.getContext('2d').getImageData(0, 0, 1, 1); // rasterise now
      const drawn = performance.now();
      const blob = pngBlob(c);
      return { total: performance.now() - t0, draw: drawn - t0, bytes: blob.size };
    };
    const p1 = [];
    for (let k = 0; k < 3; k += 1) p1.push(await png(1));
    const p2 = await png(2);
    out.figure_png_ms = median(p1.map((p) => p.total));
    out.figure_png_draw_ms = median(p1.map((p) => p.draw));
    out.figure_png_2x_ms = p2.total;
    const t0 = performance.now();
    const [svg, images] = figures.fresh(session).figureSvg(optionLines({ width: 1600, height: 900, theme: 'light' }), labels);
    let text = svg;
    images.forEach(([w, h, rgba], i) => {
      const c = document.createElement('canvas');
      c.width = w; c.height = h;
      c.getContext('2d').putImageData(new ImageData(rgba, w, h), 0, 0);
      text = text.replace(`#gradscape-image-${i}`, c.toDataURL('image/png'));
    });
    out.figure_svg_ms = performance.now() - t0;
    out.figure_svg_kb = text.length / 1024;
    figures.drop(); session.free(); charts.free();
    return out;
  }, RUNS);
  const round = (v) => Math.round(v * 100) / 100;
  for (const k of Object.keys(figures)) figures[k] = round(figures[k]);
  log(`charts: redraw ${figures.chart_redraw_ms} ms, figure PNG ${figures.figure_png_ms} ms (2× ${figures.figure_png_2x_ms} ms), SVG ${figures.figure_svg_ms} ms`);
  await page.close();
  return figures;
}
