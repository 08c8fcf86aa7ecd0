//! Adding an optimizer takes its own definition plus one registration: a toy family (sign
//! descent, p ← p − lr·sign(g)) defined only in this file and a registry list naming it
//! appear in the catalog, decode by name and step through the generic machinery.
#![allow(clippy::expect_used, clippy::unwrap_used)] // test code: a failed expectation is the test failing

use gradscape::catalog::catalog_of;
use gradscape::optim::params::{lr, ParamInfo, ParamValues};
use gradscape::optim::{Family, FamilyInfo, SgdHyper, Trace};
use gradscape::Vec2;

/// Sign descent: every coordinate moves by exactly `lr` against its gradient's sign.
#[derive(Clone, Copy, Debug, PartialEq)]
struct SignDescent;

const PARAMS: &[ParamInfo] = &[lr(0.01)];

/// −1, 0 or 1 (`f64::signum` says 1 for 0).
fn sign(v: f64) -> f64 {
    if v == 0.0 {
        0.0
    } else {
        v.signum()
    }
}

impl Family for SignDescent {
    const INFO: FamilyInfo = FamilyInfo::new("sign_descent", "Sign descent", PARAMS);
    type State = u64;

    fn from_values(_: &ParamValues) -> Self {
        SignDescent
    }

    fn step(&self, steps: &mut u64, p: Vec2, g: Vec2, lr: f64, out: &mut impl Trace) -> Vec2 {
        *steps += 1;
        out.record(|x| {
            x.step = Some(*steps);
            x.effective_lr = Vec2::splat(lr);
        });
        p - g.map(sign) * lr
    }
}

gradscape::optimizer_registry! {
    /// The production SGD and the toy.
    enum ToyKind;
    /// Either, with its state.
    enum ToyOptimizer;
    Sgd => SgdHyper,
    SignDescent => SignDescent,
}

#[test]
fn the_toy_is_in_the_catalog() {
    let catalog = catalog_of::<ToyKind>();
    let names: Vec<_> = catalog.optimizers.iter().map(|o| o.name).collect();
    assert_eq!(names, ["sgd", "sign_descent"]);
    let json = serde_json::to_value(&catalog).unwrap();
    let toy = &json["optimizers"][1];
    assert_eq!(toy["label"], "Sign descent");
    assert_eq!(toy["params"][0]["name"], "lr");
    assert_eq!(toy["params"][0]["default"], 0.01);
    // The production catalog is untouched.
    let production = gradscape::catalog::catalog();
    assert!(production
        .optimizers
        .iter()
        .all(|o| o.name != "sign_descent"));
}

#[test]
fn the_toy_is_named_as_in_scenarios() {
    assert_eq!(
        ToyKind::from_name("sign_descent"),
        Some(ToyKind::SignDescent)
    );
    assert_eq!(ToyKind::SignDescent.label(), "Sign descent");
    let kind: ToyKind = serde_json::from_str("\"sign_descent\"").unwrap();
    assert_eq!(serde_json::to_string(&kind).unwrap(), "\"sign_descent\"");
    assert!(serde_json::from_str::<ToyKind>("\"adam\"").is_err());
}

#[test]
fn the_toy_steps_through_the_generic_machinery() {
    let kind = ToyKind::SignDescent;
    let mut opt = ToyOptimizer::of(kind, &ParamValues::defaults(kind.params()));
    assert_eq!(opt.kind(), kind);
    let p = opt.step(Vec2::new(1.0, -2.0), Vec2::new(3.0, -0.5), 0.1);
    assert!((p - Vec2::new(0.9, -1.9)).norm() < 1e-15, "{p:?}");
    let explained = opt.explain(p, Vec2::new(0.0, 7.0), 0.25);
    assert_eq!(explained.step, Some(2));
    assert_eq!(explained.effective_lr, Vec2::splat(0.25));
    let (q, x) = opt.step_explained(p, Vec2::new(0.0, 7.0), 0.25);
    assert_eq!(x, explained);
    assert!((q - Vec2::new(0.9, -2.15)).norm() < 1e-15, "{q:?}");
    assert_eq!(opt.state_json(), serde_json::json!(2));
    // Re-configuring keeps the family's state; switching family starts afresh.
    opt.reconfigure(kind, &ParamValues::defaults(kind.params()));
    assert_eq!(opt.state_json(), serde_json::json!(2));
    opt.reconfigure(ToyKind::Sgd, &ParamValues::defaults(ToyKind::Sgd.params()));
    assert_eq!(opt.kind(), ToyKind::Sgd);
    assert_eq!(
        opt.state_json(),
        serde_json::json!({"momentum_buffer": null})
    );
}
