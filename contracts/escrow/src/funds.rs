//! Who funded the escrow and what each still has in it.

use soroban_sdk::{Address, Vec};

use crate::errors::Error;

/// Each funder's contribution still held by the escrow (what a refund would pay back),
/// as two parallel lists: cheaper for the host than a map (stored as a tuple of the two).
#[derive(Clone, Debug, Eq, PartialEq)]
pub struct Funds {
    pub funders: Vec<Address>,
    pub amounts: Vec<i128>,
}

impl Funds {
    pub fn position(&self, who: &Address) -> Option<u32> {
        position(&self.funders, who)
    }

    /// What `who` still has in the escrow (0 for anyone who never funded).
    pub fn held(&self, who: &Address) -> i128 {
        self.position(who)
            .map_or(0, |i| self.amounts.get_unchecked(i))
    }

    /// Sets what `who` still has in the escrow.
    pub fn set(&mut self, who: &Address, amount: i128) {
        match self.position(who) {
            Some(index) => {
                // Rebuilt rather than `Vec::set`: one host import less for every call.
                let mut amounts = Vec::from_array(self.amounts.env(), []);
                for i in 0..self.amounts.len() {
                    amounts.push_back(if i == index {
                        amount
                    } else {
                        self.amounts.get_unchecked(i)
                    });
                }
                self.amounts = amounts;
            }
            None => {
                self.funders.push_back(who.clone());
                self.amounts.push_back(amount);
            }
        }
    }

    pub fn add(&mut self, who: &Address, amount: i128) -> Result<(), Error> {
        let held = self.held(who).checked_add(amount).ok_or(Error::Overflow)?;
        self.set(who, held);
        Ok(())
    }
}

/// Where `who` is in `list`. (A loop over `==` costs the contract no extra host import.)
pub fn position(list: &Vec<Address>, who: &Address) -> Option<u32> {
    (0..list.len()).find(|&i| list.get_unchecked(i) == *who)
}

pub fn includes(list: &Vec<Address>, who: &Address) -> bool {
    position(list, who).is_some()
}
