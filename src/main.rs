//! `gradscape`: run a scenario on the command line and print trajectories.
//!
//! ```text
//! gradscape run scenario.json            # JSON: {"runs":[{"trajectory", "loss", "lr", "stop"}]}
//! gradscape run - --format csv < s.json  # CSV: one row per run and step
//! gradscape sweep sweep.json             # JSON: {"x", "y", "cells"}; --format csv per cell
//! gradscape list                         # surfaces, optimizers (defaults, ranges), schedules
//! ```
//!
//! Exit status 0 on success, 2 with a one-line message on stderr for bad input.

use clap::{Parser, Subcommand, ValueEnum};
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
    };
    match output {
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
