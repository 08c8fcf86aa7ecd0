//! The one registration of the optimizer families: `optimizer_registry!` turns a list
//! `Variant => HyperType` into a kind enum (names, labels, tables, serde as the scenario
//! name) and an optimizer enum (construction, step, explained step, state carry-over, state
//! JSON), every `match` over the families written once, here. The production list is in
//! `optim/mod.rs`; a test can declare its own list with a toy family without touching it.

use super::family::Registry;
use serde::de::{Deserialize, Deserializer, Error};

#[doc(hidden)]
pub use serde as __serde;
#[doc(hidden)]
pub use serde_json as __serde_json;

/// Reads a kind from its scenario name (what the generated `Deserialize` calls).
#[doc(hidden)]
pub fn deserialize_kind<'de, R: Registry, D: Deserializer<'de>>(d: D) -> Result<R, D::Error> {
    let name = String::deserialize(d)?;
    R::from_name(&name).ok_or_else(|| {
        let names: Vec<String> = R::all()
            .iter()
            .map(|k| format!("`{}`", k.info().name))
            .collect();
        D::Error::custom(format!(
            "unknown variant `{name}`, expected one of {}",
            names.join(", ")
        ))
    })
}

/// Declares a registry of optimizer families:
///
/// ```text
/// optimizer_registry! {
///     /// The families.
///     pub enum OptimizerKind;
///     /// A family with its running state.
///     pub enum Optimizer;
///     /// `torch.optim.SGD`.
///     Sgd => SgdHyper,
///     Adam => AdamHyper<false>,
/// }
/// ```
///
/// Each `HyperType` implements [`Family`](crate::optim::Family). The kind enum gets `ALL`,
/// `info`, `name`, `label`, `params`, `from_name`, [`Registry`] and serde as the family's
/// name; the optimizer enum holds a [`Stateful`](crate::optim::Stateful) per family and gets
/// `of`, `kind`, `step`, `step_explained`, `explain`, `reconfigure`, `state_json`,
/// `visit`, `state_words` and `restore_state_words`.
#[macro_export]
macro_rules! optimizer_registry {
    (
        $(#[$kind_meta:meta])* $kind_vis:vis enum $Kind:ident;
        $(#[$opt_meta:meta])* $opt_vis:vis enum $Opt:ident;
        $( $(#[$var_meta:meta])* $Variant:ident => $Hyper:ty ),+ $(,)?
    ) => {
        $(#[$kind_meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        $kind_vis enum $Kind {
            $( $(#[$var_meta])* $Variant, )+
        }

        // A registry declared in a test or binary need not use every method.
        #[allow(dead_code)]
        impl $Kind {
            /// Every family, in the order the page lists them.
            pub const ALL: [$Kind; [$(stringify!($Variant)),+].len()] = [$($Kind::$Variant),+];

            /// The family's catalog entry.
            pub fn info(self) -> &'static $crate::optim::FamilyInfo {
                match self {
                    $( $Kind::$Variant => &<$Hyper as $crate::optim::Family>::INFO, )+
                }
            }

            /// The scenario name, for example `"rmsprop"`.
            pub fn name(self) -> &'static str {
                self.info().name
            }

            /// PyTorch's class name, for example `"RMSprop"`.
            pub fn label(self) -> &'static str {
                self.info().label
            }

            /// The hyper-parameters with their defaults, validity and slider ranges.
            pub fn params(self) -> &'static [$crate::optim::params::ParamInfo] {
                self.info().params
            }

            /// Looks a family up by its scenario name.
            pub fn from_name(name: &str) -> Option<$Kind> {
                <$Kind as $crate::optim::Registry>::from_name(name)
            }
        }

        impl $crate::optim::Registry for $Kind {
            fn all() -> &'static [Self] {
                &$Kind::ALL
            }
            fn info(self) -> &'static $crate::optim::FamilyInfo {
                $Kind::info(self)
            }
        }

        impl $crate::optim::registry::__serde::Serialize for $Kind {
            fn serialize<S>(&self, s: S) -> Result<S::Ok, S::Error>
            where
                S: $crate::optim::registry::__serde::Serializer,
            {
                s.serialize_str(self.name())
            }
        }

        impl<'de> $crate::optim::registry::__serde::Deserialize<'de> for $Kind {
            fn deserialize<D>(d: D) -> Result<Self, D::Error>
            where
                D: $crate::optim::registry::__serde::Deserializer<'de>,
            {
                $crate::optim::registry::deserialize_kind(d)
            }
        }

        $(#[$opt_meta])*
        #[derive(Clone, Debug, PartialEq)]
        $opt_vis enum $Opt {
            $( $(#[$var_meta])* $Variant($crate::optim::Stateful<$Hyper>), )+
        }

        #[allow(dead_code)]
        impl $Opt {
            /// A fresh optimizer (zero state) of `kind` with the given (validated) values.
            pub fn of(kind: $Kind, values: &$crate::optim::params::ParamValues) -> Self {
                match kind {
                    $( $Kind::$Variant => $Opt::$Variant($crate::optim::Stateful::new(values)), )+
                }
            }

            /// The family.
            pub fn kind(&self) -> $Kind {
                match self {
                    $( $Opt::$Variant(_) => $Kind::$Variant, )+
                }
            }

            /// One update of `p` with gradient `g` at the scheduled learning rate `lr`.
            #[inline]
            pub fn step(&mut self, p: $crate::Vec2, g: $crate::Vec2, lr: f64) -> $crate::Vec2 {
                match self {
                    $( $Opt::$Variant(o) => o.step(p, g, lr), )+
                }
            }

            /// One update and the quantities the equation panel shows for it.
            pub fn step_explained(
                &mut self,
                p: $crate::Vec2,
                g: $crate::Vec2,
                lr: f64,
            ) -> ($crate::Vec2, $crate::optim::Explanation) {
                match self {
                    $( $Opt::$Variant(o) => o.step_explained(p, g, lr), )+
                }
            }

            /// What the next update from `p` with `g` at `lr` would show, leaving this
            /// optimizer as it is.
            pub fn explain(
                &self,
                p: $crate::Vec2,
                g: $crate::Vec2,
                lr: f64,
            ) -> $crate::optim::Explanation {
                self.clone().step_explained(p, g, lr).1
            }

            /// Switches to `kind` with `values`. The state (moments, buffers, step count)
            /// carries over when the new family keeps it in the same type (the same family,
            /// or Adam ↔ AdamW), so the change takes effect from the next step; otherwise
            /// the new family starts from zero state.
            pub fn reconfigure(
                &mut self,
                kind: $Kind,
                values: &$crate::optim::params::ParamValues,
            ) {
                let mut fresh = $Opt::of(kind, values);
                let old: &dyn ::std::any::Any = match self {
                    $( $Opt::$Variant(o) => o.state_any(), )+
                };
                match &mut fresh {
                    $( $Opt::$Variant(o) => o.adopt_state(old), )+
                }
                *self = fresh;
            }

            /// The running state as JSON-ready data (for the equation panel and readouts).
            pub fn state_json(&self) -> $crate::optim::registry::__serde_json::Value {
                match self {
                    $( $Opt::$Variant(o) => o.state_json(), )+
                }
            }

            /// Hands the concrete family to `visitor`, so a loop over many steps can be
            /// compiled once per family with no dispatch inside it (the batch kernel).
            pub fn visit<V: $crate::optim::FamilyVisitor>(self, visitor: V) -> V::Output {
                match self {
                    $( $Opt::$Variant(o) => visitor.visit(o), )+
                }
            }

            /// The running state as 64-bit words, exact to the bit (for run snapshots).
            pub fn state_words(&self) -> Vec<u64> {
                match self {
                    $( $Opt::$Variant(o) => o.state_words(), )+
                }
            }

            /// Replaces the running state with one read from `words`; `false` (state
            /// unchanged) when they are not a state of this optimizer's family.
            pub fn restore_state_words(&mut self, words: &[u64]) -> bool {
                match self {
                    $( $Opt::$Variant(o) => o.restore_state_words(words), )+
                }
            }
        }
    };
}
