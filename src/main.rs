//! `gradscape`: run a scenario on the command line and print trajectories.
//!
//! ```text
//! gradscape run scenario.json            # JSON: {"runs":[{"trajectory", "loss", "lr", "stop"}]}
//! gradscape run - --format csv < s.json  # CSV: one row per run and step
//! gradscape sweep sweep.json             # JSON: {"x", "y", "cells"}; --format csv per cell
//! gradscape list                         # surfaces, optimizers (defaults, ranges), schedules
//! gradscape plot s.json -o race.png --size 1600x900 --theme dark --step 100
//! ```
//!
//! Exit status 0 on success, 2 with a one-line message on stderr for bad input.

use clap::{Parser, Subcommand, ValueEnum};
use gradscape::figure::{self, Figure, Options, Theme};
use gradscape::{catalog, decode, report};
use std::io::{Read, Write};
use std::process::ExitCode;

/// See how gradient-descent optimizers behave: run a scenario, print its trajectories.
#[derive(Parser)]
#[command(name = "gradscape", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario (JSON) and print every run's trajectory, loss and learning rate.
    Run {
        /// The scenario file, or `-` for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Run a sweep (JSON: a scenario, one base run and one or two axes) and print each cell's
    /// final point, loss, stop and steps to tolerance.
    Sweep {
        /// The sweep file, or `-` for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// List the surfaces, the optimizers with their defaults and ranges, and the schedules.
    List,
    /// Run a scenario and draw the figure (view, legend, step, loss and learning-rate
    /// charts) as SVG or PNG, by the output's extension.
    Plot {
        /// The scenario file, or `-` for standard input.
        file: String,
        /// The figure to write: `*.svg` or `*.png`.
        #[arg(short = 'o', long = "output")]
        output: String,
        /// Width x height in pixels.
        #[arg(long, default_value = "1600x900")]
        size: String,
        /// `light` or `dark`.
        #[arg(long, default_value = "light")]
        theme: String,
        /// The step shown (default: the scenario's page step, else its last).
        #[arg(long, allow_hyphen_values = true)]
        step: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Csv,
}

fn read_input(file: &str) -> Result<String, String> {
    let mut text = String::new();
    let result = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    result.map_err(|e| format!("cannot read {file}: {e}"))?;
    Ok(text)
}

fn run(file: &str, format: Format) -> Result<String, String> {
    let text = read_input(file)?;
    let scenario = decode(&text).map_err(|e| e.to_string())?;
    let runners = scenario.run();
    Ok(match format {
        Format::Json => report::to_json(&runners).to_string(),
        Format::Csv => report::to_csv(&runners),
    })
}

/// The figure's options from the command line, each error naming its flag.
fn plot_options(size: &str, theme: &str) -> Result<Options, String> {
    let bad_size = || {
        format!(
            "--size: must be WIDTHxHEIGHT, each in [{}, {}] pixels, got {size}",
            figure::MIN_SIDE,
            figure::MAX_SIDE
        )
    };
    let (w, h) = size.split_once(['x', 'X']).ok_or_else(bad_size)?;
    let side = |s: &str| s.trim().parse::<u32>().map_err(|_| bad_size());
    let options = Options {
        width: side(w)?,
        height: side(h)?,
        theme: Theme::from_name(theme)
            .ok_or_else(|| format!("--theme: must be light or dark, got {theme}"))?,
    };
    options.validate().map_err(|_| bad_size())?;
    Ok(options)
}

fn plot(
    file: &str,
    output: &str,
    size: &str,
    theme: &str,
    step: Option<&str>,
) -> Result<String, String> {
    let png = match output.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()) {
        Some(e) if e == "png" => true,
        Some(e) if e == "svg" => false,
        _ => return Err(format!("-o: must end in .svg or .png, got {output}")),
    };
    let options = plot_options(size, theme)?;
    let step = step
        .map(|s| {
            s.parse::<u64>()
                .map_err(|_| format!("--step: must be a whole number >= 0, got {s}"))
        })
        .transpose()?;
    let scenario = decode(&read_input(file)?).map_err(|e| e.to_string())?;
    let picture = Figure::new(&scenario, &scenario.run(), step);
    let bytes = if png {
        png_bytes(&picture, options)
    } else {
        figure::to_svg(&picture, options).map(String::into_bytes)
    }
    .map_err(|e| e.to_string())?;
    std::fs::write(output, bytes).map_err(|e| format!("cannot write {output}: {e}"))?;
    Ok(String::new())
}

/// PNG needs the bundled fonts and the PNG encoder, which only the native CLI has (the binary
/// is also compiled for wasm32 when `cargo test --target wasm32-unknown-unknown` builds the
/// package's binaries, but never run there).
#[cfg(not(target_arch = "wasm32"))]
fn png_bytes(picture: &Figure, options: figure::Options) -> Result<Vec<u8>, figure::FigureError> {
    figure::to_png(picture, options)
}

#[cfg(target_arch = "wasm32")]
fn png_bytes(_: &Figure, _: figure::Options) -> Result<Vec<u8>, figure::FigureError> {
    Err(figure::FigureError::Encode(
        "PNG needs the native command line".into(),
    ))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let output = match cli.command {
        Command::Run { file, format } => run(&file, format),
        Command::Sweep { file, format } => read_input(&file).and_then(|text| {
            let result = gradscape::sweep::sweep(&text).map_err(|e| e.to_string())?;
            Ok(match format {
                Format::Json => result.to_json().to_string(),
                Format::Csv => result.to_csv(),
            })
        }),
        Command::List => {
            serde_json::to_string_pretty(&catalog::catalog()).map_err(|e| e.to_string())
        }
        Command::Plot {
            file,
            output,
            size,
            theme,
            step,
        } => plot(&file, &output, &size, &theme, step.as_deref()),
    };
    match output {
        Ok(text) if text.is_empty() => ExitCode::SUCCESS,
        Ok(text) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`gradscape run s.json | head`) is not an error worth reporting.
            let _ = writeln!(stdout, "{}", text.trim_end());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("gradscape: {message}");
            ExitCode::from(2)
        }
    }
}
