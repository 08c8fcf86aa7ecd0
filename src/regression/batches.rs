//! Mini-batches: each epoch visits every training point once, in an order shuffled from
//! the run's seed (epoch e uses the seed's e-th shuffle), in consecutive batches of
//! `batch_size`; the last batch of an epoch may be smaller (PyTorch's `DataLoader` with
//! `shuffle=True, drop_last=False`). Batch size n is full-batch gradient descent, 1 is SGD.

use rand::seq::SliceRandom;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

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
    order: Vec<usize>,
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
            order,
            position: 0,
            last_start: 0,
            epoch: 0,
        }
    }

    /// The indices of the next batch.
    pub fn next_batch(&mut self) -> &[usize] {
        if self.position >= self.order.len() {
            self.order.shuffle(&mut self.rng);
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
}
