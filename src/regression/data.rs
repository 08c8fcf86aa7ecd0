//! Regression data: explicit points, seeded synthetic points, CSV text.
//!
//! Synthetic data: `xᵢ ~ Uniform(x_range)`, `yᵢ = slope·xᵢ + intercept + noise·εᵢ` with
//! `εᵢ ~ N(0, 1)` by the Box–Muller transform, from ChaCha8 seeded with `seed`. ChaCha8 is
//! value-stable across platforms, so the same seed gives the same data natively and in the
//! browser.

use crate::vec2::Vec2;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// Points `(xᵢ, yᵢ)`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Dataset {
    /// Inputs.
    pub x: Vec<f64>,
    /// Targets.
    pub y: Vec<f64>,
}

/// How to generate synthetic data.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenerateSpec {
    /// Number of points.
    pub n: usize,
    /// True slope.
    #[serde(default = "default_slope")]
    pub slope: f64,
    /// True intercept.
    #[serde(default = "default_intercept")]
    pub intercept: f64,
    /// Standard deviation of the Gaussian noise.
    #[serde(default = "default_noise")]
    pub noise: f64,
    /// Inputs are uniform in this interval.
    #[serde(default = "default_x_range")]
    pub x_range: [f64; 2],
    /// Random seed.
    #[serde(default)]
    pub seed: u64,
}

fn default_slope() -> f64 {
    2.0
}
fn default_intercept() -> f64 {
    -1.0
}
fn default_noise() -> f64 {
    0.5
}
fn default_x_range() -> [f64; 2] {
    [-1.0, 1.0]
}

impl Dataset {
    /// Synthetic data from `spec` (deterministic in the seed).
    pub fn generate(spec: &GenerateSpec) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
        let [lo, hi] = spec.x_range;
        let mut data = Dataset {
            x: Vec::with_capacity(spec.n),
            y: Vec::with_capacity(spec.n),
        };
        for _ in 0..spec.n {
            let x = lo + (hi - lo) * rng.random::<f64>();
            // Box–Muller: u1 in (0, 1] so that ln(u1) is finite.
            let u1 = 1.0 - rng.random::<f64>();
            let u2 = rng.random::<f64>();
            let e = (-2.0 * libm::log(u1)).sqrt() * libm::cos(std::f64::consts::TAU * u2);
            data.x.push(x);
            data.y
                .push(spec.slope * x + spec.intercept + spec.noise * e);
        }
        data
    }

    /// Number of points.
    pub fn len(&self) -> usize {
        self.x.len()
    }

    /// True when there are no points.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// The points at `indices`, in that order.
    pub fn select(&self, indices: &[usize]) -> Dataset {
        Dataset {
            x: indices.iter().map(|&i| self.x[i]).collect(),
            y: indices.iter().map(|&i| self.y[i]).collect(),
        }
    }

    /// Mean squared error of the line `(w, b)`; 0 for no points.
    pub fn mse(&self, p: Vec2) -> f64 {
        if self.is_empty() {
            return 0.0;
        }
        let sum: f64 = self
            .x
            .iter()
            .zip(&self.y)
            .map(|(x, y)| {
                let r = p.x * x + p.y - y;
                r * r
            })
            .sum();
        sum / self.len() as f64
    }

    /// Gradient of the mean squared error over `batch` (all points when `None`).
    pub fn gradient(&self, p: Vec2, batch: Option<&[usize]>) -> Vec2 {
        let (mut gw, mut gb, n) = (0.0, 0.0, batch.map_or(self.len(), <[usize]>::len));
        let mut add = |x: f64, y: f64| {
            let r = p.x * x + p.y - y;
            gw += r * x;
            gb += r;
        };
        match batch {
            Some(idx) => idx.iter().for_each(|&i| add(self.x[i], self.y[i])),
            None => self.x.iter().zip(&self.y).for_each(|(&x, &y)| add(x, y)),
        }
        if n == 0 {
            return Vec2::ZERO;
        }
        Vec2::new(2.0 * gw / n as f64, 2.0 * gb / n as f64)
    }

    /// The least-squares line `(w, b)`; `None` when all x are equal (no unique solution).
    pub fn least_squares(&self) -> Option<Vec2> {
        if self.is_empty() {
            return None;
        }
        let n = self.len() as f64;
        let mx = self.x.iter().sum::<f64>() / n;
        let my = self.y.iter().sum::<f64>() / n;
        let (mut sxy, mut sxx) = (0.0, 0.0);
        for (x, y) in self.x.iter().zip(&self.y) {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
        }
        if sxx <= f64::EPSILON * n * (1.0 + mx * mx) {
            return None;
        }
        let w = sxy / sxx;
        Some(Vec2::new(w, my - w * mx))
    }
}

/// A CSV line that could not be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct CsvError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// Reads `x,y` rows (comma, semicolon, tab or spaces between). Blank lines and lines
/// starting with `#` are skipped, and so is a first line that is a header (`x,y`).
pub fn parse_csv(text: &str) -> Result<Dataset, CsvError> {
    let mut data = Dataset::default();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line
            .split([',', ';', '\t', ' '])
            .filter(|f| !f.is_empty())
            .collect();
        let err = |reason: String| CsvError {
            line: i + 1,
            reason,
        };
        if fields.len() != 2 {
            return Err(err(format!(
                "expected 2 values (x,y), found {}",
                fields.len()
            )));
        }
        let parsed: Vec<Result<f64, _>> = fields.iter().map(|f| f.parse::<f64>()).collect();
        match (&parsed[0], &parsed[1]) {
            (Ok(x), Ok(y)) if x.is_finite() && y.is_finite() => {
                data.x.push(*x);
                data.y.push(*y);
            }
            (Ok(_), Ok(_)) => return Err(err("values must be finite numbers".into())),
            _ if data.is_empty() && fields.iter().all(|f| f.parse::<f64>().is_err()) => {
                // A header such as "x,y" before the first row.
            }
            _ => {
                let bad = fields
                    .iter()
                    .find(|f| f.parse::<f64>().is_err())
                    .copied()
                    .unwrap_or_default();
                return Err(err(format!("'{bad}' is not a number")));
            }
        }
    }
    if data.is_empty() {
        return Err(CsvError {
            line: text.lines().count().max(1),
            reason: "no data rows".into(),
        });
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_in_the_seed() {
        let spec = GenerateSpec {
            n: 50,
            slope: 3.0,
            intercept: 1.0,
            noise: 0.0,
            x_range: [0.0, 2.0],
            seed: 7,
        };
        let a = Dataset::generate(&spec);
        assert_eq!(a, Dataset::generate(&spec));
        assert_ne!(a, Dataset::generate(&GenerateSpec { seed: 8, ..spec }));
        assert!(a.x.iter().all(|x| (0.0..2.0).contains(x)));
        // Without noise every point lies on the line, and least squares recovers it.
        let fit = a.least_squares().unwrap();
        assert!((fit.x - 3.0).abs() < 1e-12 && (fit.y - 1.0).abs() < 1e-12);
        assert!(a.mse(fit) < 1e-24);
    }

    #[test]
    fn gradient_is_that_of_the_mean_squared_error() {
        let d = Dataset {
            x: vec![0.0, 1.0, 2.0],
            y: vec![1.0, 3.0, 2.0],
        };
        // r = (0·1 + 0.5 − 1, 1 + 0.5 − 3, 2 + 0.5 − 2) = (−0.5, −1.5, 0.5)
        let g = d.gradient(Vec2::new(1.0, 0.5), None);
        assert!((g.x - 2.0 * (0.0 - 1.5 + 1.0) / 3.0).abs() < 1e-15);
        assert!((g.y - 2.0 * (-0.5 - 1.5 + 0.5) / 3.0).abs() < 1e-15);
        let gb = d.gradient(Vec2::new(1.0, 0.5), Some(&[1]));
        assert_eq!(gb, Vec2::new(-3.0, -3.0));
    }

    #[test]
    fn csv_reports_the_bad_line() {
        let ok = parse_csv("x,y\n1,2\n\n# note\n3;4\n5 6\n").unwrap();
        assert_eq!(ok.x, [1.0, 3.0, 5.0]);
        assert_eq!(ok.y, [2.0, 4.0, 6.0]);
        let e = parse_csv("1,2\n3,abc\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: 'abc' is not a number");
        let e = parse_csv("1,2\n3\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: expected 2 values (x,y), found 1");
        let e = parse_csv("1,2\n1e999,2\n").unwrap_err();
        assert_eq!(e.to_string(), "line 2: values must be finite numbers");
        assert_eq!(parse_csv("x,y\n").unwrap_err().reason, "no data rows");
    }
}
