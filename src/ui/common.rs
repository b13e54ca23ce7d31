//! Small pieces shared by every section: text and number fields, dialogs, charts, files, list editing.

pub(crate) mod chart_view;
pub(crate) mod confirm_dialog;
pub(crate) mod files;
pub(crate) mod list_edit;
pub(crate) mod modal;
pub(crate) mod next_step;
pub(crate) mod numbers;
pub(crate) mod parsed_field;
pub(crate) mod text_field;
