//! Mini-batches: each epoch visits every training point once, in an order shuffled from
//! the run's seed (epoch e uses the seed's e-th shuffle), in consecutive batches of
//! `batch_size`; the last batch of an epoch may be smaller (PyTorch's `DataLoader` with
//! `shuffle=True, drop_last=False`). Batch size n is full-batch gradient descent, 1 is SGD.
//!
//! The order is shared (`Arc`) between copies, so a run's checkpoints and previews within
//! one epoch hold one copy of it; a reshuffle copies it only while it is shared.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use std::sync::Arc;

/// A permutation of `0..n` drawn from `seed`.
pub(crate) fn shuffled_indices(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    order
}

/// An endless sequence of mini-batches over `n` points.
#[derive(Clone, Debug, PartialEq)]
pub struct Batches {
    batch_size: usize,
    rng: ChaCha8Rng,
    order: Arc<Vec<usize>>,
    position: usize,
    last_start: usize,
    epoch: u64,
}

impl Batches {
    /// Batches of `batch_size` (clamped to 1..=n) over `n` points, shuffled from `seed`.
    pub fn new(n: usize, batch_size: usize, seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(&mut rng);
        Batches {
            batch_size: batch_size.clamp(1, n.max(1)),
            rng,
            order: Arc::new(order),
            position: 0,
            last_start: 0,
            epoch: 0,
        }
    }

    /// The indices of the next batch.
    pub fn next_batch(&mut self) -> &[usize] {
        if self.position >= self.order.len() {
            Arc::make_mut(&mut self.order).shuffle(&mut self.rng);
            self.position = 0;
            self.epoch += 1;
        }
        let start = self.position;
        self.last_start = start;
        self.position = (start + self.batch_size).min(self.order.len());
        &self.order[start..self.position]
    }

    /// The indices of the batch [`Batches::next_batch`] returned last (empty before).
    pub fn last_batch(&self) -> &[usize] {
        &self.order[self.last_start..self.position]
    }

    /// Completed epochs plus the fraction of the current one.
    pub fn epochs(&self) -> f64 {
        self.epoch as f64 + self.position as f64 / self.order.len().max(1) as f64
    }

    /// The batch size.
    pub fn batch_size(&self) -> usize {
        self.batch_size
    }

    /// Everything that determines the batches to come, for run snapshots.
    pub fn parts(&self) -> BatchParts {
        BatchParts {
            batch_size: self.batch_size,
            seed: self.rng.get_seed(),
            stream: self.rng.get_stream(),
            word_pos: self.rng.get_word_pos(),
            order: Arc::clone(&self.order),
            position: self.position,
            last_start: self.last_start,
            epoch: self.epoch,
        }
    }

    /// Batches continuing exactly where [`Batches::parts`] was taken; `None` unless the
    /// order is a permutation of `0..n` and the positions lie within it. The O(n)
    /// permutation check is skipped when the order is `checked` itself (the same `Arc`,
    /// already accepted here), so a run's checkpoints sharing one epoch's order cost O(1).
    pub fn from_parts(
        parts: BatchParts,
        n: usize,
        checked: Option<&Arc<Vec<usize>>>,
    ) -> Option<Self> {
        let order = parts.order;
        if !checked.is_some_and(|c| Arc::ptr_eq(c, &order)) {
            let mut seen = vec![false; n];
            for &i in order.iter() {
                if i >= n || std::mem::replace(&mut seen[i], true) {
                    return None;
                }
            }
        }
        let valid = order.len() == n
            && (1..=n).contains(&parts.batch_size)
            && parts.last_start <= parts.position
            && parts.position <= n;
        let mut rng = ChaCha8Rng::from_seed(parts.seed);
        rng.set_stream(parts.stream);
        rng.set_word_pos(parts.word_pos);
        valid.then_some(Batches {
            batch_size: parts.batch_size,
            rng,
            order,
            position: parts.position,
            last_start: parts.last_start,
            epoch: parts.epoch,
        })
    }
}

/// The state of [`Batches`] as plain values (see [`Batches::parts`]).
#[derive(Clone, Debug, PartialEq)]
pub struct BatchParts {
    /// Points per batch.
    pub batch_size: usize,
    /// The generator's seed, stream and position.
    pub seed: [u8; 32],
    /// The generator's stream.
    pub stream: u64,
    /// The generator's position in words.
    pub word_pos: u128,
    /// This epoch's order (shared with the batches it came from).
    pub order: Arc<Vec<usize>>,
    /// Where the next batch starts.
    pub position: usize,
    /// Where the last batch started.
    pub last_start: usize,
    /// Completed epochs.
    pub epoch: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_epoch_visits_every_point_once() {
        let mut b = Batches::new(10, 4, 3);
        for _ in 0..3 {
            let mut seen: Vec<usize> = Vec::new();
            for expected_len in [4, 4, 2] {
                let batch = b.next_batch();
                assert_eq!(batch.len(), expected_len);
                seen.extend_from_slice(batch);
            }
            seen.sort_unstable();
            assert_eq!(seen, (0..10).collect::<Vec<_>>());
        }
        assert_eq!(b.epochs(), 3.0);
    }

    #[test]
    fn same_seed_same_batches_other_seed_other_order() {
        let take = |seed| {
            let mut b = Batches::new(20, 3, seed);
            (0..15)
                .flat_map(|_| b.next_batch().to_vec())
                .collect::<Vec<_>>()
        };
        assert_eq!(take(5), take(5));
        assert_ne!(take(5), take(6));
        // Epochs are reshuffled: the second epoch's order differs from the first.
        let all = take(5);
        assert_ne!(all[..20], all[20..40]);
    }

    #[test]
    fn batches_rebuilt_from_their_parts_continue_identically() {
        let mut a = Batches::new(13, 4, 9);
        for _ in 0..6 {
            a.next_batch();
        }
        let mut b = Batches::from_parts(a.parts(), 13, None).unwrap();
        assert_eq!(a, b);
        for _ in 0..20 {
            assert_eq!(a.next_batch(), b.next_batch());
        }
        // Not a permutation, or the wrong size: refused.
        let mut bad = a.parts();
        bad.order = Arc::new(vec![0; 13]);
        assert!(Batches::from_parts(bad, 13, None).is_none());
        assert!(Batches::from_parts(a.parts(), 12, None).is_none());
        // An order already checked (the same shared one) is not checked again.
        let order = a.parts().order;
        assert!(Batches::from_parts(a.parts(), 13, Some(&order)).is_some());
    }
}
