//! Copy-on-write sharing for the bulky parts of an assessment (KPIs, initiatives, risks,
//! scorecards, snapshots).
//!
//! Undo keeps a copy of the assessment before every edit, autosave keeps a copy of what it last
//! stored, and another tab's copy replaces this one: with thousands of KPI measurements, deep
//! copies made every keystroke cost more than the edit. A `Shared` part is copied by reference
//! and duplicated only when it is changed, so an edit to an answer leaves the KPIs shared with
//! every earlier copy, and "did this part change?" is first answered by identity.
//!
//! It reads and writes exactly like the value inside (serde is transparent), so files and
//! stored records do not know it exists.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(value))
    }

    /// Whether both hold the very same value (one is a copy of the other, neither changed since).
    /// False does not mean they differ: compare with `==` for that.
    pub fn same(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// Any mutable access takes a private copy first when others share the value.
impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::same(self, other) || *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Self {
        Shared::new(value)
    }
}

impl<T> FromIterator<T> for Shared<Vec<T>> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        Shared::new(iter.into_iter().collect())
    }
}

impl<'a, T> IntoIterator for &'a Shared<Vec<T>> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<Vec<T>> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Shared::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_shared_until_changed() {
        let a: Shared<Vec<u32>> = Shared::new(vec![1, 2, 3]);
        let mut b = a.clone();
        assert!(Shared::same(&a, &b));
        b.push(4);
        assert!(!Shared::same(&a, &b));
        assert_eq!(*a, vec![1, 2, 3]);
        assert_eq!(*b, vec![1, 2, 3, 4]);
    }

    #[test]
    fn equal_values_compare_equal_without_being_the_same() {
        let a: Shared<Vec<u32>> = Shared::new(vec![1, 2]);
        let b: Shared<Vec<u32>> = vec![1, 2].into();
        assert!(!Shared::same(&a, &b));
        assert_eq!(a, b);
        assert_ne!(a, Shared::new(vec![2, 1]));
    }

    #[test]
    fn serialises_as_the_value_inside() {
        let a: Shared<Vec<u32>> = Shared::new(vec![1, 2]);
        assert_eq!(serde_json::to_string(&a).ok().as_deref(), Some("[1,2]"));
        let back: Result<Shared<Vec<u32>>, _> = serde_json::from_str("[1,2]");
        assert_eq!(back.ok(), Some(a));
    }
}
