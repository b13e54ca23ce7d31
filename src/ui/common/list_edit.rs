//! Editing one item of a list inside the current assessment, found by its uuid: the shared
//! mechanism behind the stakeholder, inventory and decision tables.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::Assessment;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::{use_app_state, AppState};

/// Items carry a stable id so edits follow the item, not its position.
pub trait Keyed {
    fn key(&self) -> Uuid;
}

/// Read and write access to one list of the current assessment. Created while a component is
/// built (it reads context then), used from event handlers afterwards.
pub struct ListEdit<T: 'static> {
    state: AppState,
    id: Uuid,
    assessment: Memo<Option<Assessment>>,
    list: fn(&Assessment) -> &Vec<T>,
    list_mut: fn(&mut Assessment) -> &mut Vec<T>,
}

impl<T> Clone for ListEdit<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for ListEdit<T> {}

impl<T: Keyed + Clone + PartialEq + Send + Sync + 'static> ListEdit<T> {
    pub fn new(
        list: fn(&Assessment) -> &Vec<T>,
        list_mut: fn(&mut Assessment) -> &mut Vec<T>,
    ) -> Self {
        let current = use_current();
        ListEdit {
            state: use_app_state(),
            id: current.id,
            assessment: current.assessment,
            list,
            list_mut,
        }
    }

    /// The ids in order, for a keyed `<For>`.
    pub fn ids(self) -> Memo<Vec<Uuid>> {
        let (assessment, list) = (self.assessment, self.list);
        Memo::new(move |_| {
            assessment.with(|a| {
                a.as_ref()
                    .map(|a| list(a).iter().map(Keyed::key).collect())
                    .unwrap_or_default()
            })
        })
    }

    /// One field of one item, as a signal that changes only when that field does.
    pub fn field<V: Clone + PartialEq + Default + Send + Sync + 'static>(
        self,
        item: Uuid,
        get: fn(&T) -> V,
    ) -> Memo<V> {
        let (assessment, list) = (self.assessment, self.list);
        Memo::new(move |_| {
            assessment.with(|a| {
                a.as_ref()
                    .and_then(|a| list(a).iter().find(|x| x.key() == item).map(get))
                    .unwrap_or_default()
            })
        })
    }

    pub fn update(self, item: Uuid, edit: impl FnOnce(&mut T)) {
        let list_mut = self.list_mut;
        self.state.edit(self.id, |a| {
            if let Some(x) = list_mut(a).iter_mut().find(|x| x.key() == item) {
                edit(x);
            }
        });
    }

    pub fn push(self, value: T) {
        let list_mut = self.list_mut;
        self.state.edit(self.id, |a| list_mut(a).push(value));
    }

    /// An edit that reaches beyond the list, e.g. a removal that must also clear links to the item.
    pub fn with_assessment(self, edit: impl FnOnce(&mut Assessment)) {
        self.state.edit(self.id, edit);
    }

    pub fn remove(self, item: Uuid) {
        let list_mut = self.list_mut;
        self.state
            .edit(self.id, |a| list_mut(a).retain(|x| x.key() != item));
    }
}

impl Keyed for crate::domain::context::Stakeholder {
    fn key(&self) -> Uuid {
        self.id
    }
}

impl Keyed for crate::domain::context::InventoryItem {
    fn key(&self) -> Uuid {
        self.id
    }
}

impl Keyed for crate::domain::context::DecisionRecord {
    fn key(&self) -> Uuid {
        self.id
    }
}

impl Keyed for crate::domain::kpi::Kpi {
    fn key(&self) -> Uuid {
        self.id
    }
}
