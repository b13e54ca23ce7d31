//! The scorecard the current route is about, and the one way components change it.

use leptos::prelude::*;
use uuid::Uuid;

use crate::domain::scorecard::Scorecard;
use crate::ui::shell::assessment_frame::use_current;
use crate::ui::state::{use_app_state, AppState};

/// Read and write access to one scorecard of the current assessment. Created while a component
/// is built (context is read then) and copied into event handlers.
#[derive(Clone, Copy)]
pub struct CardEdit {
    state: AppState,
    assessment: Uuid,
    pub card_id: Uuid,
    pub card: Memo<Option<Scorecard>>,
}

impl CardEdit {
    pub fn new(card_id: Uuid) -> Self {
        let current = use_current();
        let card = Memo::new(move |_| {
            current.assessment.with(|a| {
                a.as_ref()
                    .and_then(|a| a.scorecards.iter().find(|c| c.id == card_id).cloned())
            })
        });
        CardEdit {
            state: use_app_state(),
            assessment: current.id,
            card_id,
            card,
        }
    }

    pub fn update(self, edit: impl FnOnce(&mut Scorecard)) {
        let card_id = self.card_id;
        self.state.edit(self.assessment, |a| {
            if let Some(card) = a.scorecards.iter_mut().find(|c| c.id == card_id) {
                edit(card);
            }
        });
    }

    /// A value derived from the card that changes only when it does.
    pub fn derive<T: Clone + PartialEq + Default + Send + Sync + 'static>(
        self,
        f: impl Fn(&Scorecard) -> T + Send + Sync + 'static,
    ) -> Memo<T> {
        let card = self.card;
        Memo::new(move |_| card.with(|c| c.as_ref().map(&f).unwrap_or_default()))
    }

    pub fn notify(self, text: impl Into<String>) {
        self.state.notify(text);
    }
}

pub fn provide_card(card: CardEdit) {
    provide_context(card);
}

pub fn use_card() -> CardEdit {
    expect_context::<CardEdit>()
}
