//! Copy-on-write sharing for the bulky parts of an assessment (KPIs, initiatives, risks,
//! scorecards, snapshots), which may also be read on first use.
//!
//! Undo keeps a copy of the assessment before every edit, autosave keeps a copy of what it last
//! stored, and another tab's copy replaces this one: with thousands of KPI measurements, deep
//! copies made every keystroke cost more than the edit. A `Shared` part is copied by reference
//! and duplicated only when it is changed, so an edit to an answer leaves the KPIs shared with
//! every earlier copy, and "did this part change?" is first answered by identity.
//!
//! A part made with [`Shared::later`] holds a way to read the value instead of the value: storage
//! uses it so that opening the app does not decode every measurement of every client before the
//! list can show. The value is read on first access, once, by whichever copy gets there first.
//! A read that fails gives an empty value and is remembered ([`Shared::failed`]), so the caller
//! that checks every stored assessment after start-up can set the whole record aside instead.
//!
//! It reads and writes exactly like the value inside (serde is transparent), so files and
//! stored records do not know it exists.

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

type Reader<T> = Box<dyn FnOnce() -> Option<T> + Send>;

pub struct Shared<T>(Arc<Inner<T>>);

struct Inner<T> {
    value: OnceLock<T>,
    /// Taken by the first access of a value made with [`Shared::later`].
    reader: Mutex<Option<Reader<T>>>,
    failed: AtomicBool,
}

impl<T> Inner<T> {
    fn ready(value: T) -> Self {
        Inner {
            value: OnceLock::from(value),
            reader: Mutex::new(None),
            failed: AtomicBool::new(false),
        }
    }
}

impl<T: Default> Inner<T> {
    fn get(&self) -> &T {
        self.value.get_or_init(|| {
            // A poisoned lock means a reader panicked: treat it as a failed read.
            let reader = self.reader.lock().ok().and_then(|mut r| r.take());
            match reader.and_then(|read| read()) {
                Some(value) => value,
                None => {
                    self.failed.store(true, Ordering::Relaxed);
                    T::default()
                }
            }
        })
    }
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Self {
        Shared(Arc::new(Inner::ready(value)))
    }

    /// A value read by `read` on first access. `None` from it marks the value as failed and
    /// leaves it empty.
    pub fn later(read: impl FnOnce() -> Option<T> + Send + 'static) -> Self {
        Shared(Arc::new(Inner {
            value: OnceLock::new(),
            reader: Mutex::new(Some(Box::new(read))),
            failed: AtomicBool::new(false),
        }))
    }

    /// Whether both hold the very same value (one is a copy of the other, neither changed since).
    /// False does not mean they differ: compare with `==` for that.
    pub fn same(a: &Self, b: &Self) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }

    /// Whether the value is in memory (always, except for one made with [`Shared::later`] and
    /// not accessed yet).
    pub fn is_read(&self) -> bool {
        self.0.value.get().is_some()
    }
}

impl<T: Default> Shared<T> {
    /// Reads the value if it was not read yet; true when that failed (the value is then empty).
    pub fn failed(&self) -> bool {
        self.0.get();
        self.0.failed.load(Ordering::Relaxed)
    }
}

impl<T: Default> Default for Shared<T> {
    fn default() -> Self {
        Shared::new(T::default())
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T: Default> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0.get()
    }
}

/// Any mutable access takes a private copy first when others share the value.
impl<T: Clone + Default> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        if Arc::get_mut(&mut self.0).is_none() {
            let copy = self.0.get().clone();
            self.0 = Arc::new(Inner::ready(copy));
        }
        let inner = match Arc::get_mut(&mut self.0) {
            Some(inner) => inner,
            // Just made unique above.
            None => unreachable!("a Shared value made unique is shared"),
        };
        inner.get();
        match inner.value.get_mut() {
            Some(value) => value,
            // `get` above always fills it.
            None => unreachable!("a Shared value read is empty"),
        }
    }
}

impl<T: PartialEq + Default> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::same(self, other) || **self == **other
    }
}

impl<T: fmt::Debug + Default> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).fmt(f)
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
        self.0.get().iter()
    }
}

impl<'a, T: Clone> IntoIterator for &'a mut Shared<Vec<T>> {
    type Item = &'a mut T;
    type IntoIter = std::slice::IterMut<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.deref_mut().iter_mut()
    }
}

impl<T: Serialize + Default> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (**self).serialize(serializer)
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

    #[test]
    fn a_later_value_is_read_once_on_first_access_by_any_copy() {
        use std::sync::atomic::AtomicUsize;
        let reads = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&reads);
        let a: Shared<Vec<u32>> = Shared::later(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            Some(vec![7, 8])
        });
        let b = a.clone();
        assert!(!a.is_read());
        assert_eq!(reads.load(Ordering::Relaxed), 0);
        // Comparing a copy with its original answers by identity, without reading.
        assert_eq!(a, b);
        assert_eq!(reads.load(Ordering::Relaxed), 0);
        assert_eq!(*b, vec![7, 8]);
        assert!(a.is_read());
        assert_eq!(*a, vec![7, 8]);
        assert_eq!(reads.load(Ordering::Relaxed), 1);
        assert!(!a.failed());
    }

    #[test]
    fn a_failed_read_is_empty_and_says_so() {
        let a: Shared<Vec<u32>> = Shared::later(|| None);
        assert!(a.failed());
        assert!(a.is_empty());
        let fine: Shared<Vec<u32>> = Shared::new(vec![1]);
        assert!(!fine.failed());
    }

    #[test]
    fn changing_a_later_value_reads_it_first_and_leaves_other_copies_alone() {
        let a: Shared<Vec<u32>> = Shared::later(|| Some(vec![1, 2]));
        let mut b = a.clone();
        b.push(3);
        assert_eq!(*b, vec![1, 2, 3]);
        assert_eq!(*a, vec![1, 2]);
        let mut alone: Shared<Vec<u32>> = Shared::later(|| Some(vec![5]));
        alone.push(6);
        assert_eq!(*alone, vec![5, 6]);
        assert_eq!(serde_json::to_string(&alone).ok().as_deref(), Some("[5,6]"));
    }
}
