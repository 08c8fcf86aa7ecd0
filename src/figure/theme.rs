//! Colours of a figure: the light theme for paper and projectors, the dark one as the page
//! looks; run colours as the page gives them, made darker on white where they would fade.

use plotters::style::RGBColor;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rgb` or `#rrggbb` (the page's run colours); `None` for anything else.
    pub fn parse(css: &str) -> Option<Rgb> {
        let hex = css.trim().strip_prefix('#')?;
        if !hex.bytes().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(byte(0)?, byte(2)?, byte(4)?)),
            _ => None,
        }
    }

    /// Relative luminance (WCAG), 0 for black to 1 for white.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    pub(crate) fn rgb(self) -> RGBColor {
        RGBColor(self.0, self.1, self.2)
    }
}

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on white.
    Light,
    /// Light text on the page's near-black.
    Dark,
}

impl Theme {
    /// Parses `light` or `dark`.
    pub fn from_name(name: &str) -> Option<Theme> {
        match name {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub(crate) fn colors(self) -> Colors {
        match self {
            Theme::Light => Colors {
                background: RGBColor(0xff, 0xff, 0xff),
                text: RGBColor(0x1b, 0x1f, 0x27),
                muted: RGBColor(0x5b, 0x64, 0x72),
                grid: RGBColor(0xe6, 0xe9, 0xef),
                axis: RGBColor(0x9a, 0xa3, 0xb2),
                card: RGBColor(0xf5, 0xf7, 0xfa),
                bad: RGBColor(0xd0, 0x1c, 0x1c),
            },
            Theme::Dark => Colors {
                background: RGBColor(0x0d, 0x10, 0x17),
                text: RGBColor(0xe8, 0xec, 0xf2),
                muted: RGBColor(0x9a, 0xa5, 0xb8),
                grid: RGBColor(0x22, 0x29, 0x35),
                axis: RGBColor(0x4a, 0x55, 0x68),
                card: RGBColor(0x15, 0x1a, 0x23),
                bad: RGBColor(0xff, 0x5c, 0x5c),
            },
        }
    }

    /// A run's colour as drawn on this theme's background: on white, colours as light as
    /// the palette's yellow and white are darkened until they read as lines.
    pub fn run_color(self, c: Rgb) -> RGBColor {
        if self == Theme::Dark {
            return c.rgb();
        }
        let mut c = c;
        while c.luminance() > 0.45 {
            let dim = |v: u8| (f64::from(v) * 0.85) as u8;
            c = Rgb(dim(c.0), dim(c.1), dim(c.2));
        }
        c.rgb()
    }
}

/// The colours of one theme.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Colors {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    pub card: RGBColor,
    pub bad: RGBColor,
}
