//! The figure's snapshot (what it shows at step K) and its two outputs.

use super::*;
use crate::decode;

const RACE: &str = r##"{"problem": {"surface": "rosenbrock"}, "start": [-1.5, 2.0], "steps": 50,
 "runs": [{"optimizer": "adam", "lr": 0.05},
          {"name": "Heavy ball", "optimizer": "sgd", "lr": 0.001, "momentum": 0.9, "color": "#123456"},
          {"optimizer": "sgd", "lr": 10}]}"##;

fn figure(step: Option<u64>) -> Figure {
    let scenario = decode(RACE).unwrap();
    Figure::new(&scenario, &scenario.run(), step)
}

#[test]
fn the_snapshot_holds_each_run_up_to_the_step() {
    let f = figure(Some(20));
    assert_eq!(f.step, 20);
    assert_eq!(f.steps, 50);
    assert_eq!(f.title, "Rosenbrock");
    let adam = &f.runs[0];
    assert_eq!(
        (adam.path.len(), adam.loss.len(), adam.lr.len()),
        (21, 21, 20)
    );
    assert_eq!(adam.optimizer, "Adam");
    assert_eq!(adam.settings, "lr 0.05 · betas (0.9, 0.999)");
    assert_eq!(adam.color, PALETTE[0]);
    let heavy = &f.runs[1];
    assert_eq!(heavy.name, "Heavy ball");
    assert_eq!(heavy.settings, "lr 0.001 · momentum 0.9");
    assert_eq!(heavy.color, Rgb(0x12, 0x34, 0x56));
    // SGD at lr 10 on Rosenbrock blows up within a few steps.
    let wild = &f.runs[2];
    let at = wild.diverged_at.expect("diverges");
    assert!(
        at <= 20 && wild.path.len() as u64 == at,
        "{at} {}",
        wild.path.len()
    );
    assert_eq!(f.minima, [Vec2::new(1.0, 1.0)]);
}

#[test]
fn the_step_defaults_to_the_end_and_is_clamped() {
    assert_eq!(figure(None).step, 50);
    assert_eq!(figure(Some(10_000)).step, 50);
    assert_eq!(figure(None).runs[0].path.len(), 51);
}

#[test]
fn short_numbers_drop_trailing_zeros() {
    assert_eq!(short(0.05), "0.05");
    assert_eq!(short(0.001), "0.001");
    assert_eq!(short(1e-5), "1e-5");
    assert_eq!(short(2.5e-7), "2.5e-7");
    assert_eq!(short(12.5), "12.5");
    assert_eq!(short(0.123456), "0.1235");
}

#[test]
fn colours_parse_as_css_hex() {
    assert_eq!(Rgb::parse("#e69f00"), Some(Rgb(0xe6, 0x9f, 0x00)));
    assert_eq!(Rgb::parse("#fff"), Some(Rgb(255, 255, 255)));
    assert_eq!(Rgb::parse("red"), None);
    assert_eq!(Rgb::parse("#12345g"), None);
    // On white, the palette's yellow is darkened until it reads as a line.
    let yellow = Theme::Light.run_color(PALETTE[3]);
    assert!(Rgb(yellow.0, yellow.1, yellow.2).luminance() <= 0.45);
    assert_eq!(Theme::Dark.run_color(PALETTE[3]), PALETTE[3].rgb());
}

#[test]
fn svg_has_the_names_the_axis_titles_and_one_embedded_heat_map() {
    let svg = to_svg(&figure(None), Options::default()).unwrap();
    assert!(svg.starts_with("<svg"), "{}", &svg[..80]);
    for text in [
        "Heavy ball",
        "Adam",
        "SGD",
        "step",
        "loss",
        "learning rate",
        "x",
        "y",
    ] {
        assert!(
            svg.contains(&format!(">\n{text}\n</text>")),
            "{text} missing"
        );
    }
    assert_eq!(svg.matches("<image ").count(), 1);
    assert!(!svg.contains("#010203"));
    assert!(svg.contains(">\ndiverged at step "));
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn png_has_the_size_asked_for_and_draws_text() {
    let options = Options {
        width: 800,
        height: 450,
        theme: Theme::Dark,
    };
    let png = to_png(&figure(Some(10)), options).unwrap();
    let decoder = png::Decoder::new(png.as_slice());
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!((info.width, info.height), (800, 450));
    // The title's glyphs: light pixels in the top-left corner of a dark figure.
    let light = (0..60)
        .flat_map(|y| (0..200).map(move |x| (y * 800 + x) * 3))
        .filter(|&i| pixels[i] > 180 && pixels[i + 1] > 180)
        .count();
    assert!(light > 50, "{light} light pixels where the title is");
}

#[test]
fn sizes_outside_the_limits_are_refused() {
    let small = Options {
        width: 0,
        height: 0,
        ..Options::default()
    };
    assert_eq!(
        to_svg(&figure(None), small).unwrap_err().to_string(),
        "size: each side must be in [320, 8192] pixels, got 0x0"
    );
}

#[test]
fn the_grid_layout_draws_one_titled_view_per_run() {
    let mut scenario = decode(RACE).unwrap();
    scenario.page.layout = Some(crate::scenario::Layout::Grid);
    let f = Figure::new(&scenario, &scenario.run(), None);
    assert!(f.grid);
    let svg = to_svg(&f, Options::default()).unwrap();
    // One heat map per run (the overlay figure has one in all, see above), each titled.
    assert_eq!(svg.matches("<image ").count(), 3);
    assert!(svg.contains(">\nHeavy ball · SGD · lr 0.001 · momentum 0.9\n</text>"));
    assert!(svg.contains(">\nAdam · lr 0.05 · betas (0.9, 0.999)\n</text>"));
    assert!(svg.contains(" · diverged at step "));
    assert!(!figure(None).grid);
}

#[test]
fn grid_panels_take_the_layout_with_the_largest_squares() {
    assert_eq!(grid::rows_cols(4, 1000, 800), (2, 2));
    assert_eq!(grid::rows_cols(3, 1200, 400), (1, 3));
    assert_eq!(grid::rows_cols(9, 1000, 800), (3, 3));
    assert_eq!(grid::rows_cols(2, 1000, 800), (1, 2));
}
