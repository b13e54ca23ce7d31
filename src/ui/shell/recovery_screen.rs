//! The recovery screen: stored data this version cannot read (damaged, the wrong shape, or saved
//! by a newer version). It is kept as it was, copied under a backup key, and offered as a file.

use leptos::prelude::*;

use crate::ui::common::files;
use crate::ui::common::modal::Modal;
use crate::ui::i18n::{t, tf};
use crate::ui::state::use_app_state;

#[component]
pub fn RecoveryScreen() -> impl IntoView {
    let state = use_app_state();
    let download = move |index: usize| {
        let item = state.unreadable.with_untracked(|u| u.get(index).cloned());
        if let Some(item) = item {
            let name = format!(
                "cto-workbench-recovered-{}.json",
                item.key.rsplit('/').next().unwrap_or("record")
            );
            // A deflated record is given back as its JSON when it unpacks, else exactly as stored.
            let text = crate::storage::unpack(&item.raw)
                .map(|t| t.into_owned())
                .unwrap_or_else(|_| item.raw.clone());
            match files::download(&name, &text) {
                Ok(()) => state.notify(tf("shell.recovery_screen_downloaded", &[("name", &name)])),
                Err(why) => state.notify(tf(
                    "shell.recovery_screen_download_failed",
                    &[("why", &why)],
                )),
            }
        }
    };
    view! {
        <Show when=move || state.recovery_open.get()>
            // No Escape and the title takes focus: this must be read and answered, not dismissed.
            <Modal
                title=t("shell.recovery_screen_title")
                alert=true
                class="recovery"
                focus_title=true
                test_id="recovery-screen"
            >
                <p>{t("shell.recovery_screen_intro")}</p>
                <ul class="recovery-list">
                    {move || {
                        state
                            .unreadable
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, u)| {
                                let size = u.raw.len();
                                let has_backup = u.backup_key.is_some();
                                view! {
                                    <li>
                                        <p><strong>{t("shell.recovery_screen_problem")}</strong>{u.error.to_string()}</p>
                                        <p class="muted small">
                                            {match &u.backup_key {
                                                Some(b) => tf(
                                                    "shell.recovery_screen_stored_with_copy",
                                                    &[("key", &u.key), ("size", &size.to_string()), ("backup", b)],
                                                ),
                                                None => tf(
                                                    "shell.recovery_screen_stored",
                                                    &[("key", &u.key), ("size", &size.to_string())],
                                                ),
                                            }}
                                        </p>
                                        <div class="toolbar">
                                            <button class="button" on:click=move |_| download(i)>
                                                {t("shell.recovery_screen_download")}
                                            </button>
                                            <Show when=move || has_backup>
                                                <button class="button quiet" on:click=move |_| state.set_aside(i)>
                                                    {t("shell.recovery_screen_set_aside")}
                                                </button>
                                            </Show>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <div class="modal-actions">
                    <button class="button primary" on:click=move |_| state.recovery_open.set(false)>
                        {t("shell.recovery_screen_continue")}
                    </button>
                </div>
            </Modal>
        </Show>
    }
}
