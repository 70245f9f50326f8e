//! Ledger time: the wall clock plus an offset that `localnet_advanceTime` grows (and
//! the store keeps), never going backwards across ledgers.

use std::time::{SystemTime, UNIX_EPOCH};

pub struct Clock {
    offset: i64,
    last_close: u64,
}

impl Clock {
    pub fn new(offset: i64, last_close: u64) -> Clock {
        Clock { offset, last_close }
    }

    /// Ledger time now: the wall clock plus the offset.
    pub fn now(&self) -> u64 {
        (self.wall() as i64 + self.offset).max(0) as u64
    }

    /// The real clock, in Unix seconds.
    pub fn wall(&self) -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0)
    }

    /// The close time the next ledger gets: now, but never before the last close.
    pub fn next_close_time(&self) -> u64 {
        self.now().max(self.last_close)
    }

    pub fn advance(&mut self, seconds: u64) {
        self.offset = self
            .offset
            .saturating_add(seconds.min(i64::MAX as u64) as i64);
    }

    pub fn closed_at(&mut self, t: u64) {
        self.last_close = t;
    }

    pub fn offset(&self) -> i64 {
        self.offset
    }
}
