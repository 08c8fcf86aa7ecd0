//! Reviving a diverged run: with new settings it goes on from its last finite point, in the
//! state it had there, as if the live change had been made one step before it blew up. The
//! page offers this when a hyper-parameter of a diverged run changes with re-plan off (with
//! re-plan on the run is recomputed from the start instead, `Race::replan_run`).

use super::{RunSpec, Runner, Status};

impl Runner {
    /// Whether the run diverged.
    pub fn diverged(&self) -> bool {
        matches!(self.status, Status::Diverged { .. })
    }

    /// Goes on from the last finite point with `spec`: the run is replayed to its last
    /// recorded step (so the optimizer state is the one before the diverging update, not
    /// the blown-up one) and `spec` applies from there, recorded as a live change, so later
    /// replays of any step agree with the live run. Returns `false`, changing nothing, when
    /// the run has not diverged or diverged at its start (nothing finite to go on from).
    pub fn revive(&mut self, spec: RunSpec) -> bool {
        let at_start = matches!(self.status, Status::Diverged { step: 0, .. });
        if !self.diverged() || at_start {
            return false;
        }
        let mut replay = self.replay_to(self.steps_taken());
        replay.set_spec(spec);
        replay.compact = self.compact;
        *self = replay;
        true
    }
}

/// Whether `a` and `b` differ in anything the numbers depend on (not the name or colour):
/// a rename of a diverged run leaves it diverged.
pub(super) fn numbers_differ(a: &RunSpec, b: &RunSpec) -> bool {
    let plain = |s: &RunSpec| RunSpec {
        name: String::new(),
        color: None,
        ..s.clone()
    };
    plain(a) != plain(b)
}
