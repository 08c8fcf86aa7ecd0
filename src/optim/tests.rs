//! Optimizer behaviour that can be checked by hand, independently of the reference files.

use super::params::ParamValue;
use super::*;
use crate::surfaces::SurfaceKind;

pub(super) fn spec(kind: OptimizerKind, settings: &[(&'static str, ParamValue)]) -> OptimizerSpec {
    let mut values = params::ParamValues::defaults(kind.params());
    for &(name, value) in settings {
        values.set(name, value);
    }
    OptimizerSpec::with_values(kind, values)
}

pub(super) fn lr(v: f64) -> (&'static str, ParamValue) {
    ("lr", ParamValue::Number(v))
}

fn minimise(opt: &mut Optimizer, lr: f64, start: Vec2, steps: usize) -> Vec2 {
    let bowl = SurfaceKind::Bowl.surface();
    (0..steps).fold(start, |p, _| opt.step(p, bowl.gradient(p), lr))
}

#[test]
fn every_optimizer_converges_on_the_bowl() {
    let lrs = [
        (OptimizerKind::Sgd, 0.1),
        (OptimizerKind::Adagrad, 0.5),
        (OptimizerKind::Rmsprop, 0.01),
        (OptimizerKind::Adadelta, 1.0),
        (OptimizerKind::Adam, 0.05),
        (OptimizerKind::Adamw, 0.05),
        (OptimizerKind::Nadam, 0.05),
        (OptimizerKind::Radam, 0.05),
    ];
    for (kind, rate) in lrs {
        let mut opt = Optimizer::new(&spec(kind, &[lr(rate)]));
        let end = minimise(&mut opt, rate, Vec2::new(2.5, -1.5), 3000);
        assert!(end.norm() < 1e-2, "{}: ended at {end:?}", kind.name());
    }
}

#[test]
fn adam_first_step_moves_each_coordinate_by_lr() {
    // With bias correction, m̂/√v̂ = g/|g| on step 1: every coordinate moves by lr·(1 − ε-ish).
    // Tutorials without bias correction move by lr·(1 − β1)/√(1 − β2) ≈ 3.16·lr instead.
    let mut adam = Optimizer::new(&spec(OptimizerKind::Adam, &[lr(0.1)]));
    let p = adam.step(Vec2::new(2.5, -1.5), Vec2::new(5.0, -3.0), 0.1);
    assert!(
        (p.x - 2.4).abs() < 1e-8 && (p.y + 1.4).abs() < 1e-8,
        "{p:?}"
    );
}

#[test]
fn sgd_momentum_first_step_is_plain_sgd_then_accumulates() {
    let mut sgd = Optimizer::new(&spec(
        OptimizerKind::Sgd,
        &[lr(0.1), ("momentum", ParamValue::Number(0.9))],
    ));
    let g = Vec2::new(1.0, 2.0);
    let p1 = sgd.step(Vec2::ZERO, g, 0.1);
    assert_eq!(p1, Vec2::new(-0.1, -0.2));
    // buf = 0.9·g + g = 1.9·g (no dampening, no lr inside the buffer).
    let p2 = sgd.step(p1, g, 0.1);
    assert!((p2 - Vec2::new(-0.1 - 0.19, -0.2 - 0.38)).norm() < 1e-15);
}

#[test]
fn adamw_decays_weights_even_with_zero_gradient() {
    let mut adamw = Optimizer::new(&spec(
        OptimizerKind::Adamw,
        &[lr(0.1), ("weight_decay", ParamValue::Number(0.5))],
    ));
    let p = adamw.step(Vec2::new(2.0, -4.0), Vec2::ZERO, 0.1);
    // p·(1 − lr·wd) = p·0.95; the Adam part is 0/(0 + eps) = 0.
    assert_eq!(p, Vec2::new(1.9, -3.8));
    let mut adam = Optimizer::new(&spec(
        OptimizerKind::Adam,
        &[lr(0.1), ("weight_decay", ParamValue::Number(0.5))],
    ));
    // Coupled: the decay enters the gradient and is normalised away: a full lr step.
    let q = adam.step(Vec2::new(2.0, -4.0), Vec2::ZERO, 0.1);
    assert!((q - Vec2::new(1.9, -3.9)).norm() < 1e-8, "{q:?}");
}

#[test]
fn radam_takes_plain_momentum_steps_while_rho_is_small() {
    // ρ_t ≤ 5 for the first steps with β2 = 0.999: the update is lr·m̂ = lr·g on step 1.
    let mut radam = Optimizer::new(&spec(OptimizerKind::Radam, &[lr(0.1)]));
    let p = radam.step(Vec2::ZERO, Vec2::new(3.0, -1.0), 0.1);
    assert!((p - Vec2::new(-0.3, 0.1)).norm() < 1e-15, "{p:?}");
}

#[test]
fn amsgrad_never_lets_the_denominator_shrink() {
    let make = |ams| {
        Optimizer::new(&spec(
            OptimizerKind::Adam,
            &[lr(0.1), ("amsgrad", ParamValue::Flag(ams))],
        ))
    };
    let (mut plain, mut ams) = (make(false), make(true));
    let grads = [10.0, 0.1, 0.1];
    let (mut p, mut q) = (Vec2::ZERO, Vec2::ZERO);
    for g in grads {
        p = plain.step(p, Vec2::splat(g), 0.1);
        q = ams.step(q, Vec2::splat(g), 0.1);
    }
    // After a large gradient, AMSGrad's steps on small gradients are smaller.
    assert!(q.x.abs() < p.x.abs());
}

#[test]
fn changing_hyper_parameters_keeps_same_family_state() {
    let mut opt = Optimizer::new(&spec(OptimizerKind::Adam, &[lr(0.1)]));
    opt.step(Vec2::ZERO, Vec2::new(1.0, 1.0), 0.1);
    opt.set_spec(&spec(OptimizerKind::Adam, &[lr(0.01)]));
    let Optimizer::Adam(adam) = &opt else {
        panic!("still Adam")
    };
    assert_eq!(adam.state.moments.step, 1);
    assert_eq!(adam.hyper.lr, 0.01);
    // AdamW keeps its state in the same type: switching carries the moments over.
    opt.set_spec(&spec(OptimizerKind::Adamw, &[lr(0.01)]));
    let Optimizer::Adamw(adamw) = &opt else {
        panic!("now AdamW")
    };
    assert_eq!(adamw.state.moments.step, 1);
    opt.set_spec(&spec(OptimizerKind::Sgd, &[lr(0.01)]));
    assert_eq!(opt, Optimizer::new(&spec(OptimizerKind::Sgd, &[lr(0.01)])));
    assert_eq!(opt.kind(), OptimizerKind::Sgd);
}

#[test]
fn every_family_documents_lr_and_names_are_unique() {
    for kind in OptimizerKind::ALL {
        let params = kind.params();
        assert_eq!(params[0].name, "lr");
        let mut names: Vec<_> = params.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), params.len());
        assert_eq!(OptimizerKind::from_name(kind.name()), Some(kind));
    }
    let adamw_wd = OptimizerSpec::defaults(OptimizerKind::Adamw)
        .values()
        .number("weight_decay");
    assert_eq!(adamw_wd, 1e-2);
}

#[test]
fn kinds_serialize_as_their_scenario_names() {
    let json = serde_json::to_value(OptimizerKind::ALL).unwrap();
    let expected = [
        "sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "radam",
    ];
    assert_eq!(json, serde_json::json!(expected));
    let back: Vec<OptimizerKind> = serde_json::from_value(json).unwrap();
    assert_eq!(back, OptimizerKind::ALL);
    let labels: Vec<_> = OptimizerKind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(labels[2], "RMSprop");
    assert_eq!(labels[5], "AdamW");
    let err = serde_json::from_str::<OptimizerKind>("\"adamax\"").unwrap_err();
    assert!(err
        .to_string()
        .contains("unknown variant `adamax`, expected one of `sgd`"));
}

#[test]
fn every_family_reads_only_names_its_table_has() {
    // A name in `from_values` missing from PARAMS would read as NaN (or `false`).
    for kind in OptimizerKind::ALL {
        let fresh = format!("{:?}", Optimizer::new(&OptimizerSpec::defaults(kind)));
        assert!(!fresh.contains("NaN"), "{}: {fresh}", kind.name());
    }
}
