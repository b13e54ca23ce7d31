//! The workspace: the list of assessments, the portfolio across clients, the welcome, and files and links in and out (import, merge, export, share).

pub(crate) mod assessment_row;
pub(crate) mod deleted_list;
pub(crate) mod drop_zone;
pub(crate) mod export_reminder;
pub(crate) mod folder_panel;
pub(crate) mod import_button;
pub(crate) mod import_dialog;
pub(crate) mod list_page;
pub(crate) mod merge_view;
pub(crate) mod portfolio_grid;
pub(crate) mod portfolio_page;
pub(crate) mod portfolio_row;
pub(crate) mod refusal_details;
pub(crate) mod share_button;
pub(crate) mod shared_link;
pub(crate) mod welcome;
