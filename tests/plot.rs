//! `gradscape plot` as a user runs it: the README's example to SVG and PNG files, a
//! regression scenario from standard input, and bad arguments that exit 2 with one line.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

mod common;
use common::gradscape;

use std::path::PathBuf;
use std::process::Output;

/// The example scenario of the README's "Command line" section, read from the README so
/// that the test follows the documentation.
fn readme_example() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("A scenario looks like:\n\n```json\n")
        .expect("README has the example")
        + "A scenario looks like:\n\n```json\n".len();
    let len = readme[start..].find("```").expect("example ends");
    readme[start..start + len].to_string()
}

fn temp(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("gradscape-plot-{}-{name}", std::process::id()))
}

/// The text of every `<text>` element (plotters writes it on its own line, XML-escaped).
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..t.find("</text>")?];
            Some(
                body.trim()
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

fn assert_texts(svg: &str, wanted: &[&str]) {
    let texts = texts(svg);
    for text in wanted {
        assert!(
            texts.iter().any(|t| t == text),
            "no <text> {text:?} in {texts:?}"
        );
    }
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "status {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn the_readme_example_as_svg_names_every_run_and_axis() {
    let path = temp("readme.svg");
    let scenario = readme_example();
    let out = gradscape(&["plot", "-", "-o", path.to_str().unwrap()], &scenario);
    ok(&out);
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).ok();
    assert!(svg.starts_with("<svg"));
    assert!(svg.contains("width=\"1600\"") && svg.contains("height=\"900\""));
    // The README's runs are unnamed: the names are the optimizers' (Adam, SGD).
    let json: serde_json::Value = serde_json::from_str(&scenario).unwrap();
    assert_eq!(json["runs"].as_array().unwrap().len(), 2);
    assert_texts(
        &svg,
        &[
            "Rosenbrock",
            "Adam",
            "SGD",
            "step 300",
            "x",
            "y",
            "step",
            "loss",
            "learning rate",
            "Loss (log scale)",
            "Learning rate (log scale)",
            "Adam · lr 0.05 · betas (0.9, 0.999)",
            "SGD · lr 0.001 · momentum 0.9",
        ],
    );
    // The heat map is one embedded PNG, not a rectangle per pixel.
    assert_eq!(svg.matches("<image ").count(), 1);
    assert!(svg.matches("<rect").count() < 50);
}

#[test]
fn a_png_has_the_requested_size_and_theme() {
    let scenario = readme_example();
    for (theme, size, (w, h)) in [
        ("light", "1600x900", (1600, 900)),
        ("dark", "640x480", (640, 480)),
    ] {
        let path = temp(&format!("{theme}.png"));
        let out = gradscape(
            &[
                "plot",
                "-",
                "-o",
                path.to_str().unwrap(),
                "--size",
                size,
                "--theme",
                theme,
                "--step",
                "40",
            ],
            &scenario,
        );
        ok(&out);
        let png = std::fs::read(&path).unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&png[12..16], b"IHDR");
        let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert_eq!((width, height), (w, h), "{theme}");
        // Colour type 2 (RGB), 8 bits; the first pixel is the background's.
        assert_eq!((png[24], png[25]), (8, 2));
        let mut reader = png::Decoder::new(png.as_slice()).read_info().unwrap();
        let mut pixels = vec![0; reader.output_buffer_size()];
        reader.next_frame(&mut pixels).unwrap();
        let corner = &pixels[..3];
        match theme {
            "light" => assert_eq!(corner, [255, 255, 255]),
            _ => assert_eq!(corner, [0x0d, 0x10, 0x17]),
        }
    }
}

#[test]
fn a_regression_figure_shows_the_data_view_with_every_run() {
    let scenario = r#"{"problem": {"regression": {"generate": {"n": 40, "seed": 2}, "validation_split": 0.25}},
      "start": [0, 0], "steps": 60,
      "runs": [{"name": "Batch 1", "optimizer": "sgd", "lr": 0.05, "batch_size": 1},
               {"name": "Full batch", "optimizer": "adam", "lr": 0.1}]}"#;
    let path = temp("regression.svg");
    ok(&gradscape(
        &["plot", "-", "-o", path.to_str().unwrap()],
        scenario,
    ));
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).ok();
    assert_texts(
        &svg,
        &[
            "Linear regression",
            "Batch 1",
            "Full batch",
            "w (slope)",
            "b (intercept)",
            "Data (● training, ○ validation) and each run's line",
            "Loss over (w, b)",
            "step 60",
        ],
    );
    // 40 points: 30 filled, 10 hollow circles, besides the legend's and the views' marks.
    assert!(svg.matches("<circle").count() >= 40);
}

#[test]
fn bad_arguments_exit_2_with_one_line_naming_the_problem() {
    let scenario = readme_example();
    let svg = temp("bad.svg");
    let svg = svg.to_str().unwrap();
    let jpg = temp("bad.jpg");
    let jpg = jpg.to_str().unwrap();
    let size_rule = "must be WIDTHxHEIGHT, each in [320, 8192] pixels";
    let cases: [(&[&str], String); 6] = [
        (
            &["-o", svg, "--size", "0x0"],
            format!("--size: {size_rule}, got 0x0"),
        ),
        (
            &["-o", svg, "--size", "big"],
            format!("--size: {size_rule}, got big"),
        ),
        (
            &["-o", svg, "--theme", "sepia"],
            "--theme: must be light or dark, got sepia".into(),
        ),
        (
            &["-o", svg, "--step", "-3"],
            "--step: must be a whole number >= 0, got -3".into(),
        ),
        (
            &["-o", jpg],
            format!("-o: must end in .svg or .png, got {jpg}"),
        ),
        (
            &["-o", "figure"],
            "-o: must end in .svg or .png, got figure".into(),
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["plot", "-"];
        all.extend_from_slice(args);
        let out = gradscape(&all, &scenario);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            format!("gradscape: {message}\n")
        );
        assert!(out.stdout.is_empty());
        for written in [svg, jpg, "figure"] {
            assert!(!std::path::Path::new(written).exists(), "{written} written");
        }
    }
    // A bad scenario is reported as `run` reports it, and writes nothing.
    let bad = scenario.replace("\"lr\": 0.05", "\"lr\": -1");
    let out = gradscape(&["plot", "-", "-o", svg], &bad);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "gradscape: runs[0].lr: must be > 0, got -1\n"
    );
    assert!(!std::path::Path::new(svg).exists());
}

#[test]
fn a_run_that_bounces_in_place_for_many_steps_stays_a_small_svg() {
    // SGD with lr 1 on x² + y² maps p to −p: 20,000 steps between the same two pixels.
    let scenario = r#"{"problem": {"surface": "bowl"}, "start": [0.01, 0.01], "steps": 20000,
      "runs": [{"optimizer": "sgd", "lr": 1.0}]}"#;
    let path = temp("bounce.svg");
    ok(&gradscape(
        &["plot", "-", "-o", path.to_str().unwrap()],
        scenario,
    ));
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_file(&path).ok();
    let lines = svg.matches("<polyline").count();
    assert!(lines < 200, "{lines} polylines");
    assert!(svg.len() < 1_500_000, "{} bytes", svg.len());
}
